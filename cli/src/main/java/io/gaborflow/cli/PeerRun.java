package io.gaborflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the hand-wired Keras and PyTorch versions of the models in a child process, so their figures
 * land in the same table, measured in the same run on the same machine: seconds per epoch of LeNet
 * (shared/bench/seed_peers.py, one epoch) or milliseconds per step of NiN
 * (shared/bench/nin_peers.py).
 */
final class PeerRun {
  private PeerRun() {}

  // "keras nin ms/step baseline 348 half-fixed 322 speedup 1.08x", likewise "keras resnet20 ..."
  private static final Pattern STEP_LINE =
      Pattern.compile("^(\\w+) (\\w+) ms/step baseline (\\S+) half-fixed (\\S+).*");

  static List<String> run(String python, Path script, List<String> frameworks) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException(
          "peers script " + script + " does not exist; give --peers-script");
    }
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(frameworks);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("EPOCHS", "1");
    List<String> rows = new ArrayList<>();
    try {
      Process process = builder.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          // "keras,baseline,epochs=1,epoch_s=42.8,test_acc=0.8754"
          if (line.startsWith("keras,") || line.startsWith("torch,")) {
            String[] cells = line.split(",");
            String seconds = cells[3].substring("epoch_s=".length());
            rows.add(
                String.format(
                    "%-22s %14s %10s %12s", "peer " + cells[0] + " " + cells[1], "", "", seconds));
          }
          Matcher step = STEP_LINE.matcher(line);
          if (step.matches()) {
            rows.add(
                String.format(
                    "%-22s %14s", "peer " + step.group(1) + " " + step.group(2), step.group(3)));
            rows.add(
                String.format(
                    "%-22s %14s", "peer " + step.group(1) + " half-fixed", step.group(4)));
          }
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalArgumentException(
            "peers script "
                + script
                + " failed with exit code "
                + process.exitValue()
                + "; does "
                + python
                + " have tensorflow, torch and opencv?");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + python + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the peers ran", e);
    }
    return rows;
  }
}
