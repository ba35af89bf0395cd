package io.gaborflow.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the hand-wired Keras and PyTorch versions of the model (shared/bench/seed_peers.py) for
 * one epoch in a child process, so their seconds per epoch land in the same table, measured in the
 * same run on the same machine.
 */
final class PeerRun {
  private PeerRun() {}

  static List<String> run(String python, Path script) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("peers script " + script + " does not exist; give --peers-script");
    }
    ProcessBuilder builder = new ProcessBuilder(python, script.toString()).redirectErrorStream(true);
    builder.environment().put("EPOCHS", "1");
    List<String> rows = new ArrayList<>();
    try {
      Process process = builder.start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          // "keras,baseline,epochs=1,epoch_s=42.8,test_acc=0.8754"
          if (line.startsWith("keras,") || line.startsWith("torch,")) {
            String[] cells = line.split(",");
            String seconds = cells[3].substring("epoch_s=".length());
            rows.add(String.format("%-22s %14s %10s %12s", "peer " + cells[0] + " " + cells[1], "", "", seconds));
          }
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalArgumentException("peers script " + script + " failed with exit code " + process.exitValue()
            + "; does " + python + " have tensorflow, torch and opencv?");
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
