package io.gaborflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A peer framework that takes turns with gaborflow in {@code perf}: a child process (such as
 * bench/peers/keras_rounds.py) that builds and warms up its models, says {@code ready}, then runs
 * one round of timed steps of each whenever it reads {@code round}, printing {@code peer NAME ms T1
 * T2 ...} per model and {@code done}. Taking turns puts a slow spell of the machine on both sides
 * instead of on one, which one run after the other cannot.
 */
final class PeerRounds implements AutoCloseable {
  private final Path script;
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final List<String> transcript = new ArrayList<>();
  private final Map<String, List<List<Double>>> rounds = new LinkedHashMap<>();

  private PeerRounds(Path script, Process process) {
    this.script = script;
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /**
   * Starts {@code script} with {@code python} for {@code model} at {@code batch} images and {@code
   * threads} threads, {@code steps} steps a round, and waits until its models are warm.
   */
  static PeerRounds start(
      String python, Path script, String model, int batch, int threads, int steps) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException(
          "peers script " + script + " does not exist; give --peers-script");
    }
    List<String> command =
        List.of(
            python,
            script.toString(),
            model,
            Integer.toString(batch),
            Integer.toString(threads),
            Integer.toString(steps));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      PeerRounds peers = new PeerRounds(script, process);
      peers.readUntil("ready");
      return peers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + python + ": " + e.getMessage(), e);
    }
  }

  /** Runs one round of every peer model; their step times join {@link #rounds()}. */
  void round() {
    in.println("round");
    for (String line : readUntil("done")) {
      if (!line.startsWith("peer ")) {
        continue;
      }
      int ms = line.lastIndexOf(" ms ");
      if (ms < 0) {
        throw failure("a round line without ' ms ': " + line);
      }
      List<Double> millis = new ArrayList<>();
      for (String value : line.substring(ms + 4).trim().split("\\s+")) {
        millis.add(Double.parseDouble(value));
      }
      rounds.computeIfAbsent(line.substring(0, ms), n -> new ArrayList<>()).add(millis);
    }
  }

  /** Each peer model's step times, round by round, in the order the script named them. */
  Map<String, List<List<Double>>> rounds() {
    return rounds;
  }

  /** The lines up to {@code marker} (excluded); the process ending first is a failure. */
  private List<String> readUntil(String marker) {
    List<String> lines = new ArrayList<>();
    try {
      String line;
      while ((line = out.readLine()) != null) {
        transcript.add(line);
        if (line.equals(marker)) {
          return lines;
        }
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the peers of " + script, e);
    }
    throw failure("it ended before saying '" + marker + "'");
  }

  private IllegalArgumentException failure(String what) {
    List<String> tail = transcript.subList(Math.max(0, transcript.size() - 5), transcript.size());
    return new IllegalArgumentException(
        "peers script "
            + script
            + " failed: "
            + what
            + (tail.isEmpty() ? "" : "; its last lines: " + String.join(" | ", tail)));
  }

  /** Asks the peers to quit, and stops them if they do not within ten seconds. */
  @Override
  public void close() {
    in.println("quit");
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
