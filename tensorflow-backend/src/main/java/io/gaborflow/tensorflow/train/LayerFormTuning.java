package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.FormSite;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.LoweringOptions;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkLowering;
import io.gaborflow.tensorflow.runtime.CpuFeatures;
import io.gaborflow.tensorflow.sources.FilterSources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Resolves {@link LayerForm#AUTO}: for each layer that can take another form, the one of {@link
 * LayerForm#MEASURED} whose training step costs least on this machine. Layers are decided in
 * network order, those of one shape together, because a layer's form changes what the next one's
 * input carries. A shape already in the {@link LayerFormCache} takes its cached form; otherwise the
 * graph so far is built once per form with the shape in that form, and the graphs take turns for a
 * few traced steps on random images of the run's batch size; each op's fastest time counts, summed
 * over the step, and a tie keeps the earlier form of {@link LayerForm#MEASURED}.
 */
public final class LayerFormTuning {
  private static final Logger LOG = LoggerFactory.getLogger(LayerFormTuning.class);

  private final LayerFormCache cache;
  private final String machine;
  private final int warmupSteps;
  private final int tracedSteps;

  /** Tuning that keeps its measurements in {@code cache} under {@code machine}. */
  public LayerFormTuning(LayerFormCache cache, String machine) {
    this(cache, machine, 3, 5);
  }

  /**
   * As {@link #LayerFormTuning(LayerFormCache, String)}, with {@code warmupSteps} untimed steps of
   * each candidate graph, then {@code tracedSteps} traced ones each, taken in turns.
   */
  LayerFormTuning(LayerFormCache cache, String machine, int warmupSteps, int tracedSteps) {
    this.cache = cache;
    this.machine = machine;
    this.warmupSteps = warmupSteps;
    this.tracedSteps = tracedSteps;
  }

  /** Tuning on this machine with this user's cache. */
  public static LayerFormTuning standard() {
    return new LayerFormTuning(LayerFormCache.standard(), thisMachine());
  }

  /**
   * The revision of the forms' ops: raised whenever a form is built from other ops, so that choices
   * timed on the old ops are measured again.
   */
  static final int FORMS_REVISION = 3;

  /**
   * This machine as cache keys name it: the CPU's fingerprint, TensorFlow's version and the forms'
   * revision.
   */
  public static String thisMachine() {
    return CpuFeatures.ofThisMachine().fingerprint(Runtime.getRuntime().availableProcessors())
        + " / TensorFlow "
        + org.tensorflow.TensorFlow.version()
        + " / forms r"
        + FORMS_REVISION;
  }

  /** The forms to build {@code model} in under {@code config}. */
  public LayerForms resolve(ModelGraph model, TrainingConfig config) {
    if (config.layerForm() != LayerForm.AUTO) {
      return LayerForms.given(config.deterministic(), config.layerForm());
    }
    if (config.deterministic() || !FormSite.anyIn(model.spec())) {
      return LayerForms.given(config.deterministic(), LayerForm.PER_BANK);
    }
    Map<String, LayerForm> forms = new HashMap<>();
    Map<String, LayerForms.Choice> choices = new LinkedHashMap<>();
    Batch batch = randomBatch(model.spec().input(), config.batchSize(), model.spec().classes());
    // The graph in the forms chosen so far, kept open (and warm) while it keeps winning.
    ModelSession current = null;
    try {
      Optional<List<FormSite>> group;
      while ((group = nextGroup(model, config, forms)).isPresent()) {
        String shape = group.get().get(0).shape();
        LayerFormCache.Key key =
            new LayerFormCache.Key(
                machine, config.threads(), config.precision(), config.batchSize(), shape);
        Optional<LayerForm> cached = cache.get(key);
        LayerForm form;
        Map<LayerForm, Long> costs = new EnumMap<>(LayerForm.class);
        if (cached.isPresent()) {
          form = cached.get();
          if (current != null && form != LayerForm.PER_BANK) {
            current.close(); // built with this shape per bank
            current = null;
          }
        } else {
          if (current == null) {
            current = warm(ModelSession.probe(model, config, options(forms)), config, batch);
          }
          // The graph so far with this shape in each measured form; per bank is the current one.
          Map<LayerForm, ModelSession> candidates = new EnumMap<>(LayerForm.class);
          candidates.put(LayerForm.PER_BANK, current);
          for (LayerForm other : LayerForm.MEASURED) {
            if (other != LayerForm.PER_BANK) {
              Map<String, LayerForm> withOther = new HashMap<>(forms);
              group.get().forEach(site -> withOther.put(site.layer(), other));
              candidates.put(
                  other,
                  warm(ModelSession.probe(model, config, options(withOther)), config, batch));
            }
          }
          costs.putAll(costsInTurns(candidates, batch));
          form = LayerForm.PER_BANK;
          for (LayerForm measured : LayerForm.MEASURED) {
            if (costs.get(measured) < costs.get(form)) {
              form = measured;
            }
          }
          current = candidates.remove(form);
          candidates.values().forEach(ModelSession::close);
          cache.put(key, form);
          LOG.info(
              "{}: {} costs {} us per step by form: {}", model.modelName(), shape, costs, form);
        }
        for (FormSite site : group.get()) {
          forms.put(site.layer(), form);
          choices.put(site.layer(), new LayerForms.Choice(site.layer(), shape, form, costs));
        }
      }
    } finally {
      if (current != null) {
        current.close();
      }
    }
    return new LayerForms(options(forms), new ArrayList<>(choices.values()));
  }

  private static LoweringOptions options(Map<String, LayerForm> forms) {
    return new LoweringOptions(false, LayerForm.PER_BANK, forms);
  }

  /**
   * The first layer without a form in {@code forms} and the other undecided layers of its shape, as
   * the network lowers with those forms; empty when every layer has one.
   */
  private static Optional<List<FormSite>> nextGroup(
      ModelGraph model, TrainingConfig config, Map<String, LayerForm> forms) {
    List<FormSite> sites;
    try (Graph graph = new Graph()) {
      sites =
          NetworkLowering.lower(
                  Ops.create(graph), model.spec(), config.seed(), FilterSources::of, options(forms))
              .formSites();
    }
    Optional<FormSite> first =
        sites.stream().filter(site -> !forms.containsKey(site.layer())).findFirst();
    return first.map(
        f ->
            sites.stream()
                .filter(site -> !forms.containsKey(site.layer()))
                .filter(site -> site.shape().equals(f.shape()))
                .toList());
  }

  /** {@code session}, initialised and run for the warm-up steps. */
  private ModelSession warm(ModelSession session, TrainingConfig config, Batch batch) {
    try {
      session.initialize(config.seed());
      for (int step = 0; step < warmupSteps; step++) {
        session.trainStep(1, step, config.learningRate(), batch);
      }
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The step cost of each of {@code sessions}, traced in turns. */
  private Map<LayerForm, Long> costsInTurns(Map<LayerForm, ModelSession> sessions, Batch batch) {
    Map<LayerForm, Map<String, Long>> fastest = new EnumMap<>(LayerForm.class);
    sessions.keySet().forEach(form -> fastest.put(form, new HashMap<>()));
    for (int step = 0; step < tracedSteps; step++) {
      for (Map.Entry<LayerForm, ModelSession> session : sessions.entrySet()) {
        keepFastest(fastest.get(session.getKey()), session.getValue().traceStep(1, batch));
      }
    }
    Map<LayerForm, Long> costs = new EnumMap<>(LayerForm.class);
    fastest.forEach((form, micros) -> costs.put(form, sum(micros)));
    return costs;
  }

  /** Keeps, per node, the shortest time {@code metadata} or an earlier trace gave it. */
  private static void keepFastest(Map<String, Long> fastest, RunMetadata metadata) {
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        fastest.merge(node.getNodeName(), node.getAllEndRelMicros(), Math::min);
      }
    }
  }

  private static long sum(Map<String, Long> micros) {
    return micros.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Batch randomBatch(FeatureShape input, int count, int classes) {
    Random random = new Random(1);
    float[] images = new float[count * input.elements()];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = random.nextInt(classes);
    }
    return Batch.of(images, labels, count, input.elements());
  }
}
