package io.gaborflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "gaborflow",
    mixinStandardHelpOptions = true,
    version = "gaborflow 0.1.0",
    description = "Convolutional networks with fixed Gabor filter banks beside learned ones.",
    subcommands = {
      TrainCommand.class,
      BenchCommand.class,
      PerfCommand.class,
      SoakCommand.class,
      PredictCommand.class,
      ExportOnnxCommand.class,
      FiltersCommand.class,
      BankCommand.class,
      SummaryCommand.class,
      DatasetsCommand.class,
      RobustnessCommand.class
    })
public final class GaborflowCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
