package io.gaborflow.tensorflow.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layer forms {@link LayerFormTuning} measured, kept in one JSON file so that the next graph of
 * the same shapes on the same machine is built without timing. An entry holds only for the key it
 * was measured under: another CPU, TensorFlow, thread count, precision, batch size or layer shape
 * is a miss. Each entry keeps, beside the form, what the layer's forward ops took when it was
 * chosen, so that a run can tell when the choice has stopped holding. The file is a memo, never an
 * input: one that cannot be read is measured again and rewritten.
 */
public final class LayerFormCache {
  private static final Logger LOG = LoggerFactory.getLogger(LayerFormCache.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The file's name in its folder. */
  public static final String FILE = "layer-forms.json";

  /**
   * What a measured form holds for.
   *
   * @param machine the CPU's {@link io.gaborflow.tensorflow.runtime.CpuFeatures#fingerprint} and
   *     the TensorFlow version
   * @param shape the layer's {@link io.gaborflow.tensorflow.graph.FormSite#shape()}
   */
  public record Key(String machine, int threads, Precision precision, int batchSize, String shape) {
    /** The key as the file writes it. */
    public String text() {
      return machine
          + " | threads "
          + threads
          + " | "
          + precision.name().toLowerCase(java.util.Locale.ROOT)
          + " | batch "
          + batchSize
          + " | "
          + shape;
    }
  }

  /**
   * A measured form.
   *
   * @param form the form chosen
   * @param layerMicros what one layer of the shape took in its forward pass in that form when it
   *     was chosen (the fastest of the timed steps); 0 when not known, as in entries of older files
   */
  public record Entry(LayerForm form, long layerMicros) {
    /** Checks the form. */
    public Entry {
      if (form == null || form == LayerForm.AUTO) {
        throw new IllegalArgumentException("the cache keeps measured forms, not " + form);
      }
    }
  }

  private final Path file;
  private Map<String, Entry> entries;

  private LayerFormCache(Path file) {
    this.file = file;
  }

  /** The cache in {@code folder}'s {@value #FILE}, made when the first entry is written. */
  public static LayerFormCache in(Path folder) {
    return new LayerFormCache(folder.resolve(FILE));
  }

  /**
   * The cache of this user: in the folder the system property {@code gaborflow.cache.dir} or the
   * variable {@code GABORFLOW_CACHE_DIR} names, else {@code $XDG_CACHE_HOME/gaborflow}, else {@code
   * ~/.cache/gaborflow}.
   */
  public static LayerFormCache standard() {
    String property = System.getProperty("gaborflow.cache.dir");
    String variable = System.getenv("GABORFLOW_CACHE_DIR");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path folder =
        property != null && !property.isBlank()
            ? Path.of(property)
            : variable != null && !variable.isBlank()
                ? Path.of(variable)
                : xdg != null && !xdg.isBlank()
                    ? Path.of(xdg, "gaborflow")
                    : Path.of(System.getProperty("user.home"), ".cache", "gaborflow");
    return in(folder);
  }

  /** Where the entries are kept. */
  public Path file() {
    return file;
  }

  /** The form measured for {@code key}, if there is one. */
  public synchronized Optional<Entry> get(Key key) {
    return Optional.ofNullable(entries().get(key.text()));
  }

  /** Keeps {@code entry} for {@code key}, rewriting the file whole (write, then rename). */
  public synchronized void put(Key key, Entry entry) {
    entries().put(key.text(), entry);
    write();
  }

  /** Forgets {@code key}'s form, so that the next build measures it again. */
  public synchronized void remove(Key key) {
    if (entries().remove(key.text()) != null) {
      write();
    }
  }

  private void write() {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "." + FILE + "-", ".tmp");
      Files.writeString(temporary, JSON.writeValueAsString(entries), StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // A cache that cannot be written costs a measurement next time, never the run.
      LOG.warn("cannot write the layer-form cache {} ({}); forms are measured again", file, e);
    }
  }

  private Map<String, Entry> entries() {
    if (entries == null) {
      entries = new TreeMap<>();
      if (Files.isRegularFile(file)) {
        try {
          Map<String, JsonNode> read =
              JSON.readValue(
                  Files.readString(file, StandardCharsets.UTF_8),
                  new TypeReference<Map<String, JsonNode>>() {});
          for (Map.Entry<String, JsonNode> e : read.entrySet()) {
            // Files of gaborflow before the layer figures hold the form's name alone.
            entries.put(
                e.getKey(),
                e.getValue().isTextual()
                    ? new Entry(LayerForm.valueOf(e.getValue().asText()), 0)
                    : JSON.treeToValue(e.getValue(), Entry.class));
          }
        } catch (IOException | IllegalArgumentException e) {
          entries.clear();
          LOG.warn(
              "cannot read the layer-form cache {} as a map of layer forms ({}); measuring again",
              file,
              e.getMessage());
        }
      }
    }
    return entries;
  }
}
