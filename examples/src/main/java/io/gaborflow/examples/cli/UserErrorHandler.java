package io.gaborflow.examples.cli;

import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.train.TrainingDivergedException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Mistakes in the input (a bad value, a missing or corrupt file, a diverging run) get one line
 * naming what is wrong and exit code 1; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  static final int USER_ERROR = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
    if (e instanceof IllegalArgumentException
        || e instanceof DataFormatException
        || e instanceof UncheckedIOException
        || e instanceof TrainingDivergedException) {
      command.getErr().println(command.getCommandName() + ": " + e.getMessage());
      command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
      return USER_ERROR;
    }
    throw e;
  }
}
