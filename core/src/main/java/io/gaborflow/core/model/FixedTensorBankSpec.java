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

  /** Where the values come from. */
  public enum SourceKind {
    SUPPLIER,
    NPY,
    MODEL
  }

  public FixedTensorBankSpec {
    shape = List.copyOf(shape);
  }
}
