package io.gaborflow.tensorflow.sources;

import io.gaborflow.core.FilterSupplier;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.Scopes;
import io.gaborflow.core.npy.NpyArray;
import io.gaborflow.core.npy.NpyReader;
import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.TensorSource;
import io.gaborflow.tensorflow.graph.VariableKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The sources a fixed bank can take its filters from, as its description names them: a {@link
 * FilterSupplier}, an {@code .npy} class-path resource, or a bank of an earlier gaborflow model (an
 * export or a checkpoint directory). Each checks the shape it delivers.
 */
public final class FilterSources {
  private FilterSources() {}

  /** The source a bank's description names. */
  public static TensorSource of(FixedTensorBankSpec bank) {
    return switch (bank.kind()) {
      case NPY -> npy(bank.location());
      case SUPPLIER -> supplier(() -> instantiate(bank.location()), bank.filters());
      case MODEL -> model(bank.location(), bank.bank(), bank.filters());
    };
  }

  /**
   * A supplier by class name, from the class loader that loaded the model (the context one, else
   * gaborflow's).
   */
  private static FilterSupplier instantiate(String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class<?> type =
          Class.forName(
              className, true, loader != null ? loader : FilterSources.class.getClassLoader());
      return (FilterSupplier) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "filter supplier "
              + className
              + " cannot be created: it needs a public"
              + " constructor without arguments and must implement FilterSupplier ("
              + e
              + ")",
          e);
    }
  }

  /** Filters from the suppliers {@code factory} makes; the bank has {@code filters} of them. */
  public static TensorSource supplier(Supplier<? extends FilterSupplier> factory, int filters) {
    return new Checked(filters, "supplier") {
      @Override
      int[] shapeAndValues(float[][] out) {
        FilterSupplier supplier = factory.get();
        out[0] = supplier.values();
        return supplier.shape();
      }

      @Override
      public String describe() {
        return "filter supplier " + factory.get().getClass().getName();
      }
    };
  }

  /** Filters from an {@code .npy} class-path resource, HWIO. */
  public static TensorSource npy(String resource) {
    return new Checked(-1, "npy") {
      private NpyArray array;

      private NpyArray array() {
        if (array == null) {
          String path = resource.startsWith("/") ? resource : "/" + resource;
          try (InputStream in = FilterSources.class.getResourceAsStream(path)) {
            if (in == null) {
              throw new IllegalArgumentException(
                  "npy resource " + resource + " is not on the class path");
            }
            array = NpyReader.read(in, "npy resource " + resource);
          } catch (IOException e) {
            throw new UncheckedIOException(
                "npy resource " + resource + " cannot be read: " + e.getMessage(), e);
          }
        }
        return array;
      }

      @Override
      public int filters() {
        int[] shape = array().shape();
        return shape.length == 4 ? shape[3] : 0;
      }

      @Override
      int[] shapeAndValues(float[][] out) {
        out[0] = array().values();
        return array().shape();
      }

      @Override
      public String describe() {
        return "npy resource " + resource;
      }
    };
  }

  /** Bank {@code bank} ("layer1/conv1") of the export or checkpoint in {@code directory}. */
  public static TensorSource model(String directory, String bank, int filters) {
    return new Checked(filters, "model") {
      @Override
      int[] shapeAndValues(float[][] out) {
        Path dir = Path.of(directory);
        if (Files.isRegularFile(dir.resolve(ModelExport.METADATA))) {
          try (ExportedModel model = ExportedModel.load(dir)) {
            ExportMetadata.Bank found =
                model.metadata().banks().stream()
                    .filter(b -> b.name().equals(bank))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "model "
                                    + directory
                                    + " has no bank "
                                    + bank
                                    + "; it has "
                                    + model.metadata().banks().stream()
                                        .map(ExportMetadata.Bank::name)
                                        .toList()));
            out[0] = model.tensor(found.tensor());
            return found.shape().stream().mapToInt(Long::intValue).toArray();
          }
        }
        CheckpointStore.Checkpoint checkpoint =
            new CheckpointStore(dir)
                .latest()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            directory
                                + " is neither a gaborflow export nor a checkpoint directory"));
        String variable =
            new VariableKey(Scopes.nodeOf(bank), Scopes.lastPart(bank), VariableKey.Role.KERNEL)
                .graphName();
        var shape = checkpoint.state().variables().get(variable);
        if (shape == null) {
          throw new IllegalArgumentException(
              "checkpoint " + checkpoint.folder() + " has no learnable bank " + bank);
        }
        out[0] = checkpoint.read(variable);
        return shape.stream().mapToInt(Long::intValue).toArray();
      }

      @Override
      public String describe() {
        return "bank " + bank + " of model " + directory;
      }
    };
  }

  /** Loads values with their shape and checks the shape against the layer. */
  private abstract static class Checked implements TensorSource {
    private final int declaredFilters;
    private final String kind;

    Checked(int declaredFilters, String kind) {
      this.declaredFilters = declaredFilters;
      this.kind = kind;
    }

    abstract int[] shapeAndValues(float[][] out);

    @Override
    public int filters() {
      return declaredFilters;
    }

    @Override
    public float[] load(int size, int inChannels) {
      float[][] holder = new float[1][];
      int[] shape = shapeAndValues(holder);
      int[] expected = {size, size, inChannels, filters()};
      if (!Arrays.equals(shape, expected)) {
        throw new IllegalArgumentException(
            describe()
                + " has shape "
                + Arrays.toString(shape)
                + " but the layer needs "
                + Arrays.toString(expected)
                + " ("
                + kind
                + " values are HWIO)");
      }
      if (holder[0].length != size * size * inChannels * filters()) {
        throw new IllegalArgumentException(
            describe()
                + " supplies "
                + holder[0].length
                + " values for shape "
                + Arrays.toString(shape));
      }
      return holder[0];
    }
  }
}
