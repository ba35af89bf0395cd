package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peers' figures reach perf's table; shell scripts stand in for the Python ones. */
class PeerRunTest {
  @TempDir Path dir;

  @Test
  void lenetPeersGiveSecondsPerEpoch() throws IOException {
    Path script =
        script(
            """
        echo "loading the data ($EPOCHS epoch)"
        echo "torch,baseline,epochs=$EPOCHS,epoch_s=15.7,test_acc=0.8801"
        echo "keras,half-gabor,epochs=$EPOCHS,epoch_s=12.1,test_acc=0.8754"
        """);
    assertEquals(
        List.of(
            String.format("%-22s %14s %10s %12s", "peer torch baseline", "", "", "15.7"),
            String.format("%-22s %14s %10s %12s", "peer keras half-gabor", "", "", "12.1")),
        PeerRun.run("sh", script, List.of()));
  }

  @Test
  void ninPeersGiveMillisecondsPerStepForTheFrameworksAskedFor() throws IOException {
    Path script =
        script(
            """
        for fw in "$@"; do echo "$fw nin ms/step baseline 1030 half-fixed 1033 speedup 1.00x"; done
        """);
    assertEquals(
        List.of(
            String.format("%-22s %14s", "peer keras nin", "1030"),
            String.format("%-22s %14s", "peer keras half-fixed", "1033")),
        PeerRun.run("sh", script, List.of("keras")));
  }

  @Test
  void aFailingScriptIsNamed() throws IOException {
    Path script = script("exit 3\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PeerRun.run("sh", script, List.of()));
    assertEquals(
        "peers script "
            + script
            + " failed with exit code 3; does sh have tensorflow, torch and opencv?",
        e.getMessage());
  }

  @Test
  void roundsPeersTakeTurnsAndKeepEachRoundsTimes() throws IOException {
    Path script =
        script(
            """
        echo "building $1 at batch $2 on $3 threads, $4 steps a round"
        echo ready
        n=0
        while read command; do
          [ "$command" = round ] || exit 0
          n=$((n + 1))
          echo "peer keras $1 fp32 baseline ms $n.0 1$n.5"
          echo "peer keras $1 bf16 baseline ms 0.$n"
          echo done
        done
        """);
    try (PeerRounds peers = PeerRounds.start("sh", script, "resnet20", 64, 2, 2)) {
      peers.round();
      peers.round();
      assertEquals(
          java.util.Map.of(
              "peer keras resnet20 fp32 baseline", List.of(List.of(1.0, 11.5), List.of(2.0, 12.5)),
              "peer keras resnet20 bf16 baseline", List.of(List.of(0.1), List.of(0.2))),
          peers.rounds());
    }
  }

  @Test
  void aRoundsPeerThatDiesBeforeItIsReadyIsNamedWithItsLastWords() throws IOException {
    Path script = script("echo 'No module named tensorflow'\nexit 1\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerRounds.start("sh", script, "nin", 64, 2, 2).close());
    assertEquals(
        "peers script "
            + script
            + " failed: it ended before saying 'ready'; its last lines: No module named tensorflow",
        e.getMessage());
  }

  private Path script(String body) throws IOException {
    Path script = dir.resolve("peers.sh");
    Files.writeString(script, body);
    return script;
  }
}
