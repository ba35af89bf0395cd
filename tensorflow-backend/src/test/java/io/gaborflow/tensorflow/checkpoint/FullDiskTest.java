package io.gaborflow.tensorflow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A disk that fills up while a checkpoint is written, at any of its writes (TensorFlow's variables,
 * {@code state.json}, the folder's rename, the {@code latest} pointer's rename), leaves the
 * previous checkpoint as it was, named by {@code latest}, and nothing else behind.
 */
class FullDiskTest {
  @TempDir Path dir;

  /** Where the disk is full. */
  enum Failure {
    VARIABLES,
    STATE,
    FOLDER_RENAME,
    POINTER_RENAME
  }

  /** The real disk, full at {@code failure} once {@code full[0]} is set. */
  private static CheckpointStore.Disk disk(Failure failure, boolean[] full) {
    return new CheckpointStore.Disk() {
      @Override
      public void writeState(Path file, String json) throws IOException {
        if (full[0] && failure == Failure.STATE) {
          throw new IOException("No space left on device");
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
      }

      @Override
      public void move(Path from, Path to) throws IOException {
        boolean pointer = to.getFileName().toString().equals("latest");
        if (full[0]
            && (failure == Failure.POINTER_RENAME && pointer
                || failure == Failure.FOLDER_RENAME && !pointer)) {
          throw new IOException("No space left on device");
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    };
  }

  /** {@code session}, whose save writes its files and then fails, once {@code full[0]} is set. */
  private static VariableStore saving(ModelSession session, Failure failure, boolean[] full) {
    return new VariableStore() {
      @Override
      public String modelName() {
        return session.variables().modelName();
      }

      @Override
      public Map<String, List<Long>> variableShapes() {
        return session.variables().variableShapes();
      }

      @Override
      public void save(String prefix) {
        session.variables().save(prefix);
        if (full[0] && failure == Failure.VARIABLES) {
          throw new IllegalStateException("No space left on device");
        }
      }

      @Override
      public void restore(String prefix) {
        session.variables().restore(prefix);
      }
    };
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void failedWriteKeepsThePreviousCheckpointAndLeavesNoDebris(Failure failure) throws IOException {
    boolean[] full = {false};
    CheckpointStore store = new CheckpointStore(dir, disk(failure, full));
    TrainingConfig config = TrainingConfig.builder().epochs(2).build();
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      session.initialize(1);
      VariableStore variables = saving(session, failure, full);
      Map<String, List<Long>> shapes = session.variables().variableShapes();
      store.save(
          variables, new CheckpointState("small-gabor-net", 1, 2, 1, shapes, List.of(), Map.of()));
      float[] saved = store.latest().orElseThrow().read("layer1.learned_a.kernel");

      full[0] = true;
      session.initialize(2);
      UncheckedIOException e =
          assertThrows(
              UncheckedIOException.class,
              () ->
                  store.save(
                      variables,
                      new CheckpointState(
                          "small-gabor-net", 2, 2, 1, shapes, List.of(), Map.of())));
      assertEquals(
          "cannot write checkpoint for epoch 2 in "
              + dir
              + " (No space left on device); the previous"
              + " checkpoint is intact",
          e.getMessage());

      CheckpointStore.Checkpoint latest = new CheckpointStore(dir).latest().orElseThrow();
      assertEquals(1, latest.state().epoch());
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          saved, latest.read("layer1.learned_a.kernel"));
      try (Stream<Path> entries = Files.list(dir)) {
        List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("epoch-1", "latest"), names, "no half-written folder is left behind");
      }
      assertTrue(Files.isRegularFile(dir.resolve("epoch-1/state.json")));
    }
  }
}
