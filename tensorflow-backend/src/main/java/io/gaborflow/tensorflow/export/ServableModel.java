package io.gaborflow.tensorflow.export;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.graph.ConvBank;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What an export needs of a trained model: its description, its banks, and its serving graph. */
public interface ServableModel {
  /** The network's description. */
  NetworkSpec spec();

  /** Every convolution bank, in layer and declaration order. */
  List<ConvBank> banks();

  /** The Gabor parameters of each Gabor bank (parametric ones as trained), by bank path. */
  Map<String, GaborBankParameters> gaborBanks();

  /**
   * Writes a TensorFlow SavedModel whose signature {@code signature} maps NHWC float images ({@code
   * input}) to class probabilities ({@code output}) through the inference pass.
   */
  void writeSavedModel(Path directory, String signature, String input, String output);
}
