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

  private Path script(String body) throws IOException {
    Path script = dir.resolve("peers.sh");
    Files.writeString(script, body);
    return script;
  }
}
