package io.gaborflow.cli;

import io.gaborflow.examples.ModelCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Prints a model's layers, output shapes, parameters and multiply-accumulates.",
    sortOptions = false)
public final class SummaryCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "NAME",
      required = true,
      completionCandidates = TrainCommand.ModelNames.class,
      description = "Model: ${COMPLETION-CANDIDATES}.")
  String model;

  @Override
  public Integer call() {
    System.out.print(ModelCatalog.graph(model).summary().format());
    return 0;
  }
}
