package io.gaborflow.tensorflow.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoints of one run in a directory: {@code epoch-N/} folders (TensorFlow's variables plus
 * {@code state.json}) and a {@code latest} file naming the newest complete one.
 *
 * <p>A checkpoint is written into a temporary folder, renamed into place, and only then named in
 * {@code latest} (itself replaced by an atomic rename). A crash or a full disk at any point leaves
 * {@code latest} naming the previous good checkpoint. The checkpoint before the latest is kept as
 * well; older ones are deleted. A run stopped mid-epoch by a listener writes {@code
 * epoch-N-step-S/}. A run with a validation split also keeps its best epoch's checkpoint, {@code
 * best-epoch-N/}, named in {@code best} the same way.
 */
public final class CheckpointStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String LATEST = "latest";
  private static final String BEST = "best";
  private static final String EPOCH_PREFIX = "epoch-";
  private static final String BEST_PREFIX = "best-";
  private static final String STATE = "state.json";
  private static final String VARIABLES = "variables";

  private final Path directory;
  private final Disk disk;

  /**
   * The file operations a save makes after TensorFlow's: writing {@code state.json} and the two
   * renames. Replaceable so tests can make the disk "full" at each of them.
   */
  interface Disk {
    void writeState(Path file, String json) throws IOException;

    /** Moves {@code from} to {@code to}, atomically where the file system can. */
    void move(Path from, Path to) throws IOException;
  }

  private static final Disk REAL_DISK =
      new Disk() {
        @Override
        public void writeState(Path file, String json) throws IOException {
          Files.writeString(file, json, StandardCharsets.UTF_8);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          moveAtomically(from, to);
        }
      };

  /** The checkpoints in {@code directory}, created when the first is written. */
  public CheckpointStore(Path directory) {
    this(directory, REAL_DISK);
  }

  CheckpointStore(Path directory, Disk disk) {
    this.directory = directory;
    this.disk = disk;
  }

  /** Where the checkpoints are. */
  public Path directory() {
    return directory;
  }

  /** Saves {@code store}'s variables and {@code state} as the newest checkpoint. */
  public void save(VariableStore store, CheckpointState state) {
    place(store, state, state.name(), LATEST, EPOCH_PREFIX);
  }

  /**
   * Saves {@code store}'s variables and {@code state} as the best checkpoint so far ({@code
   * best-epoch-N/}, named in {@code best}), replacing the previous best only once the new one is
   * complete. The training loop calls it when the validation accuracy improves.
   */
  public void saveBest(VariableStore store, CheckpointState state) {
    place(store, state, BEST_PREFIX + state.name(), BEST, BEST_PREFIX);
  }

  /** The best checkpoint so far, if the run kept one. */
  public Optional<Checkpoint> best() {
    return named(BEST);
  }

  /**
   * Writes the checkpoint into a temporary folder, renames it to {@code name}, names it in {@code
   * pointer}, then deletes the folders starting with {@code family} other than it and the one
   * {@code pointer} named before.
   */
  private void place(
      VariableStore store, CheckpointState state, String name, String pointerName, String family) {
    Path temporary = null;
    Path placed = null;
    Path pointer = null;
    try {
      Files.createDirectories(directory);
      String previous = pointed(pointerName).orElse(name);
      temporary = Files.createTempDirectory(directory, "." + name + "-");
      saveVariables(store, temporary.resolve(VARIABLES));
      disk.writeState(temporary.resolve(STATE), JSON.writeValueAsString(state));
      Path target = directory.resolve(name);
      deleteRecursively(target);
      disk.move(temporary, target);
      temporary = null;
      placed = target;
      pointer = Files.createTempFile(directory, "." + pointerName + "-", ".tmp");
      Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
      disk.move(pointer, directory.resolve(pointerName));
      pointer = null;
      placed = null;
      prune(family, pointerName.equals(LATEST) ? List.of(name, previous) : List.of(name));
    } catch (IOException e) {
      // Whatever got written goes, so the pointer names the previous checkpoint and nothing else
      // is new.
      discard(temporary);
      discard(placed);
      discard(pointer);
      throw new UncheckedIOException(
          "cannot write checkpoint for epoch "
              + state.epoch()
              + " in "
              + directory
              + " ("
              + e.getMessage()
              + "); the previous checkpoint is intact",
          e);
    }
  }

  /**
   * TensorFlow reports a failed save (a full disk, say) as an unchecked exception; make it an I/O
   * one.
   */
  private static void saveVariables(VariableStore store, Path prefix) throws IOException {
    try {
      store.save(prefix.toString());
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void discard(Path written) {
    if (written == null) {
      return;
    }
    try {
      deleteRecursively(written);
    } catch (IOException ignored) {
      // A leftover is harmless: latest never names it.
    }
  }

  /** The newest complete checkpoint, if the directory has one. */
  public Optional<Checkpoint> latest() {
    return named(LATEST);
  }

  private Optional<Checkpoint> named(String pointerName) {
    Path pointer = directory.resolve(pointerName);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      Path folder = directory.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
      CheckpointState state = JSON.readValue(folder.resolve(STATE).toFile(), CheckpointState.class);
      return Optional.of(new Checkpoint(folder, state));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "checkpoint in " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A checkpoint on disk. */
  public record Checkpoint(Path folder, CheckpointState state) {
    /** The prefix TensorFlow's saver wrote the variables under. */
    public String variablesPrefix() {
      return folder.resolve(VARIABLES).toString();
    }

    /**
     * The saved value of variable {@code name} (a graph name such as {@code layer1.conv1.kernel}).
     */
    public float[] read(String name) {
      return CheckpointReader.read(variablesPrefix(), name);
    }

    /**
     * Loads this checkpoint into {@code store}, after checking that it was written for the same
     * model with the same variables.
     */
    public void restoreInto(VariableStore store) {
      String model = store.modelName();
      if (!state.model().equals(model)) {
        throw new IllegalArgumentException(
            "checkpoint "
                + folder
                + " was written by model '"
                + state.model()
                + "', not '"
                + model
                + "'; use another RunOptions.checkpointsIn directory or train "
                + state.model());
      }
      Map<String, List<Long>> expected = store.variableShapes();
      if (!expected.equals(state.variables())) {
        throw new IllegalArgumentException(
            "checkpoint "
                + folder
                + " holds variables "
                + state.variables()
                + " but "
                + model
                + " now has "
                + expected
                + "; the model changed since the checkpoint was written");
      }
      store.restore(variablesPrefix());
    }
  }

  /** The folder {@code pointerName} names, if it names one. */
  private Optional<String> pointed(String pointerName) throws IOException {
    Path pointer = directory.resolve(pointerName);
    return Files.isRegularFile(pointer)
        ? Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).trim())
        : Optional.empty();
  }

  private void prune(String family, List<String> kept) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      entries
          .filter(p -> p.getFileName().toString().startsWith(family))
          .filter(p -> !kept.contains(p.getFileName().toString()))
          .forEach(stale::add);
    }
    for (Path p : stale) {
      deleteRecursively(p);
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
