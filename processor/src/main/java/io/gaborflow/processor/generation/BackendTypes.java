package io.gaborflow.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code refers to. The processor does not depend on the backend (it
 * must not pull TensorFlow onto the compiler's path), so they are named here; the golden-file
 * tests compile the generated code against the real backend.
 */
final class BackendTypes {
  private BackendTypes() {}

  private static final String GRAPH = "io.gaborflow.tensorflow.graph";
  private static final String TRAIN = "io.gaborflow.tensorflow.train";
  private static final String DATA = "io.gaborflow.tensorflow.data";
  private static final String ANNOTATION = "io.gaborflow.core.annotation";

  static final ClassName MODEL_GRAPH = ClassName.get(GRAPH, "ModelGraph");
  static final ClassName INPUT_SPEC = ClassName.get(GRAPH, "InputSpec");
  static final ClassName NETWORK_BUILDER = ClassName.get(GRAPH, "NetworkBuilder");
  static final ClassName FILTER_SOURCES = ClassName.get(GRAPH, "FilterSources");
  static final ClassName MODEL_TRAINER = ClassName.get(TRAIN, "ModelTrainer");
  static final ClassName TRAINING_CONFIG = ClassName.get(TRAIN, "TrainingConfig");
  static final ClassName PROGRESS_REPORTER = ClassName.get(TRAIN, "ProgressReporter");
  static final ClassName DATASET = ClassName.get(DATA, "Dataset");
  static final ClassName INJECT = ClassName.get("javax.inject", "Inject");
  static final ClassName GABOR_BANK_SPEC = ClassName.get("io.gaborflow.core.gabor", "GaborBankSpec");
  static final ClassName PADDING = ClassName.get(ANNOTATION, "Padding");
  static final ClassName ACTIVATION = ClassName.get(ANNOTATION, "Activation");
  static final ClassName INITIALIZER = ClassName.get(ANNOTATION, "Initializer");
  static final ClassName NORMALIZATION = ClassName.get(ANNOTATION, "Normalization");
  static final ClassName CHANNEL_COVERAGE = ClassName.get(ANNOTATION, "ChannelCoverage");
  static final ClassName TRAINABLE_AT = ClassName.get(ANNOTATION, "TrainableAt");
}
