package io.gaborflow.examples;

import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.examples.inject.DaggerGaborBasisResNet20Component;
import io.gaborflow.examples.inject.DaggerGaborLeNetComponent;
import io.gaborflow.examples.inject.DaggerGaborNiNComponent;
import io.gaborflow.examples.inject.DaggerGaborSharedResNet20Component;
import io.gaborflow.examples.inject.DaggerGaborStage1ResNet20Component;
import io.gaborflow.examples.inject.DaggerGaborStemResNet20Component;
import io.gaborflow.examples.inject.DaggerLeNetComponent;
import io.gaborflow.examples.inject.DaggerNiNComponent;
import io.gaborflow.examples.inject.DaggerResNet20Component;
import io.gaborflow.examples.inject.ModelComponent;
import io.gaborflow.examples.models.GaborBasisResNet20Graph;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.examples.models.GaborNiNGraph;
import io.gaborflow.examples.models.GaborSharedResNet20Graph;
import io.gaborflow.examples.models.GaborStage1ResNet20Graph;
import io.gaborflow.examples.models.GaborStemResNet20Graph;
import io.gaborflow.examples.models.LeNetGraph;
import io.gaborflow.examples.models.NiNGraph;
import io.gaborflow.examples.models.ResNet20Graph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The example models by command-line name, each with its graph and the Dagger component that builds
 * its trainer.
 */
public final class ModelCatalog {
  private record Entry(Supplier<ModelGraph> graph, ModelComponent.Factory<?> components) {}

  private static final Map<String, Entry> MODELS = new TreeMap<>();

  static {
    for (Entry e :
        List.of(
            new Entry(LeNetGraph::new, DaggerLeNetComponent.factory()),
            new Entry(GaborLeNetGraph::new, DaggerGaborLeNetComponent.factory()),
            new Entry(NiNGraph::new, DaggerNiNComponent.factory()),
            new Entry(GaborNiNGraph::new, DaggerGaborNiNComponent.factory()),
            new Entry(ResNet20Graph::new, DaggerResNet20Component.factory()),
            new Entry(GaborSharedResNet20Graph::new, DaggerGaborSharedResNet20Component.factory()),
            new Entry(GaborStemResNet20Graph::new, DaggerGaborStemResNet20Component.factory()),
            new Entry(GaborStage1ResNet20Graph::new, DaggerGaborStage1ResNet20Component.factory()),
            new Entry(GaborBasisResNet20Graph::new, DaggerGaborBasisResNet20Component.factory()))) {
      MODELS.put(e.graph().get().modelName(), e);
    }
  }

  private ModelCatalog() {}

  public static Iterable<String> names() {
    return MODELS.keySet();
  }

  /**
   * The declaration a sweep of {@code family} varies: the Gabor model of the family ("lenet" and
   * "gabor-lenet" both give gabor-lenet), since it holds the Gabor parameters.
   */
  public static ModelGraph sweepBase(String family) {
    String name = family.startsWith("gabor-") ? family : "gabor-" + family;
    if (!MODELS.containsKey(name)) {
      throw new IllegalArgumentException(
          "no Gabor model for '" + family + "' to sweep; use lenet, nin or resnet20");
    }
    return graph(name);
  }

  /**
   * The graph of model {@code name}: a catalogue name, or the class name of a user's
   * {@code @Network} class on the class path ({@code com.example.MyNet}, whose generated graph is
   * found beside it).
   */
  public static ModelGraph graph(String name) {
    if (isUserNetwork(name)) {
      return userNetwork(name);
    }
    return entry(name).graph().get();
  }

  /** Whether {@code name} is a class name rather than a catalogue name. */
  private static boolean isUserNetwork(String name) {
    return !MODELS.containsKey(name) && name.contains(".");
  }

  private static ModelGraph userNetwork(String className) {
    Class<?> network;
    try {
      network = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "no class "
              + className
              + " on the class path; put the jar or classes folder of your @Network classes in"
              + " GABORFLOW_CLASSPATH, or use one of: "
              + String.join(", ", MODELS.keySet()),
          e);
    }
    return ModelGraph.forNetwork(network);
  }

  /**
   * The trainer of model {@code name} for {@code config} and {@code data}: a catalogue model's
   * component builds it; a user's {@code @Network} class trains on the data its spec names, loaded
   * by the registered data sources.
   */
  public static ModelTrainer trainer(String name, TrainingConfig config, DataSpec data) {
    if (isUserNetwork(name)) {
      return ModelTrainer.of(
          userNetwork(name), config, DaggerDataComponent.create().dataSources().load(data));
    }
    return entry(name).components().create(config, data).trainer();
  }

  private static Entry entry(String name) {
    Entry entry = MODELS.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown model '"
              + name
              + "'; use one of: "
              + String.join(", ", MODELS.keySet())
              + ", or the class name of your own @Network class");
    }
    return entry;
  }
}
