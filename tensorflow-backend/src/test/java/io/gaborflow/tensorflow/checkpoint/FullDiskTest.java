package io.gaborflow.tensorflow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up while a checkpoint is written leaves the previous checkpoint as it was. */
class FullDiskTest {
  @TempDir Path dir;

  @Test
  void failedWriteKeepsThePreviousCheckpointAndLeavesNoDebris() throws IOException {
    boolean[] full = {false};
    CheckpointStore store = new CheckpointStore(dir, (file, json) -> {
      if (full[0]) {
        throw new IOException("No space left on device");
      }
      Files.writeString(file, json, StandardCharsets.UTF_8);
    });
    TrainingConfig config = TrainingConfig.builder().epochs(2).build();
    try (TrainingSession session = TrainingSession.create(new SmallGaborNet(), config)) {
      session.initialize(1);
      Map<String, List<Long>> shapes = session.variableShapes();
      store.save(session, new CheckpointState("small-gabor-net", 1, 2, 1, shapes, List.of()));
      float[] saved = store.latest().orElseThrow().read("layer1.learned_a.kernel");

      full[0] = true;
      session.initialize(2);
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> store.save(session, new CheckpointState("small-gabor-net", 2, 2, 1, shapes, List.of())));
      assertEquals("cannot write checkpoint for epoch 2 in " + dir + " (No space left on device); the previous"
          + " checkpoint is intact", e.getMessage());

      CheckpointStore.Checkpoint latest = new CheckpointStore(dir).latest().orElseThrow();
      assertEquals(1, latest.state().epoch());
      org.junit.jupiter.api.Assertions.assertArrayEquals(saved, latest.read("layer1.learned_a.kernel"));
      try (Stream<Path> entries = Files.list(dir)) {
        List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("epoch-1", "latest"), names, "no half-written folder is left behind");
      }
      assertTrue(Files.isRegularFile(dir.resolve("epoch-1/state.json")));
    }
  }
}
