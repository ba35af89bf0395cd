package io.gaborflow.cli;

import picocli.CommandLine;

/** Entry point of the {@code gaborflow} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling, for the launcher and for tests. */
  public static CommandLine commandLine() {
    UserErrorHandler errors = new UserErrorHandler();
    return new CommandLine(new GaborflowCommand())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
