package io.gaborflow.tensorflow.checkpoint;

import java.util.List;
import java.util.Map;

/** What a checkpoint needs of a model: its variables, to write and read back under a prefix. */
public interface VariableStore {
  /** The model's name, checked before a checkpoint is restored into it. */
  String modelName();

  /** Every variable (weights, moving statistics, optimizer state) with its shape, by graph name. */
  Map<String, List<Long>> variableShapes();

  /**
   * Writes every variable under {@code prefix}; TensorFlow's failures surface as unchecked
   * exceptions.
   */
  void save(String prefix);

  /** Reads every variable back from {@code prefix}. */
  void restore(String prefix);
}
