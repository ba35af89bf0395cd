package io.gaborflow.core.model;

import java.util.List;

/**
 * A fixed bank whose filters come from elsewhere: a supplier class, an {@code .npy} resource or a
 * bank of an earlier model.
 *
 * @param location the supplier's class name, the resource path, or the model directory
 * @param bank the bank to copy from a model ({@code layer1/conv1}), empty otherwise
 * @param filters the number of filters
 * @param shape the HWIO shape when known at compile time ({@code .npy}), empty otherwise
 */
public record FixedTensorBankSpec(
    String name, SourceKind kind, String location, String bank, int filters, List<Integer> shape)
    implements BankSpec {
  @Override
  public <R> R accept(BankVisitor<R> visitor) {
    return visitor.tensor(this);
  }

  /** Where the values come from. */
  public enum SourceKind {
    /** A {@link io.gaborflow.core.FilterSupplier} class. */
    SUPPLIER,
    /** An {@code .npy} class-path resource. */
    NPY,
    /** A bank of an earlier gaborflow export or checkpoint. */
    MODEL
  }

  /** Copies the shape. */
  public FixedTensorBankSpec {
    shape = List.copyOf(shape);
  }

  /** A bank from an {@code .npy} class-path resource of HWIO shape {@code shape}. */
  public static FixedTensorBankSpec npy(String name, String resource, List<Integer> shape) {
    return new FixedTensorBankSpec(name, SourceKind.NPY, resource, "", shape.get(3), shape);
  }

  /**
   * A bank from a {@link io.gaborflow.core.FilterSupplier} class with a public no-argument
   * constructor.
   */
  public static FixedTensorBankSpec supplier(
      String name, Class<? extends io.gaborflow.core.FilterSupplier> supplier, int filters) {
    return new FixedTensorBankSpec(
        name, SourceKind.SUPPLIER, supplier.getName(), "", filters, List.of());
  }

  /**
   * A bank copied from bank {@code bank} ({@code layer1/conv1}) of the model in {@code directory}.
   */
  public static FixedTensorBankSpec model(String name, String directory, String bank, int filters) {
    return new FixedTensorBankSpec(name, SourceKind.MODEL, directory, bank, filters, List.of());
  }

  @Override
  public FixedTensorBankSpec withFilters(int count) {
    if (count != filters) {
      throw new IllegalArgumentException(
          "bank "
              + name
              + " takes its "
              + filters
              + " filters from "
              + location
              + " and cannot have "
              + count);
    }
    return this;
  }
}
