package io.gaborflow.cli;

import io.gaborflow.core.npy.NpyFormatException;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.distributed.WorkerLostException;
import io.gaborflow.tensorflow.train.TrainingDivergedException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Mistakes in the input get one line naming what is wrong and a usage hint: a bad flag or value
 * (exit code 2), a bad file or a diverging run (exit code 1). Anything else is a bug and keeps its
 * stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int USER_ERROR = 1;
  static final int USAGE_ERROR = 2;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    report(e.getCommandLine(), e.getMessage());
    return USAGE_ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof IllegalArgumentException
        || e instanceof DataFormatException
        || e instanceof NpyFormatException
        || e instanceof UncheckedIOException
        || e instanceof TrainingDivergedException
        || e instanceof WorkerLostException) {
      report(command, ApiFlags.translate(e.getMessage()));
      return USER_ERROR;
    }
    throw e;
  }

  private static void report(CommandLine command, String message) {
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + message);
    command.getErr().println("Try '" + name + " --help' for usage.");
  }
}
