package io.gaborflow.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code refers to. The processor does not depend on the backend (it must
 * not pull TensorFlow onto the compiler's path), so they are named here; the golden-file tests
 * compile the generated code against the real backend.
 */
final class BackendTypes {
  private BackendTypes() {}

  private static final String GRAPH = "io.gaborflow.tensorflow.graph";
  private static final String TRAIN = "io.gaborflow.tensorflow.train";
  private static final String DATA = "io.gaborflow.tensorflow.data";

  static final ClassName MODEL_GRAPH = ClassName.get(GRAPH, "ModelGraph");
  static final ClassName MODEL_TRAINER = ClassName.get(TRAIN, "ModelTrainer");
  static final ClassName TRAINING_CONFIG = ClassName.get(TRAIN, "TrainingConfig");
  static final ClassName TRAINING_LISTENER = ClassName.get(TRAIN, "TrainingListener");
  static final ClassName DATASET = ClassName.get(DATA, "Dataset");
  static final ClassName INJECT = ClassName.get("javax.inject", "Inject");
}
