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

/**
 * Resolves {@link LayerForm#AUTO}: for each layer that can take another form, the one of {@link
 * LayerForm#MEASURED} whose training step costs least on this machine. Layers are decided in
 * network order, those of one shape together, because a layer's form changes what the next one's
 * input carries. A shape already in the {@link LayerFormCache} takes its cached form; otherwise the
 * graph so far is built once per form with the shape in that form, and the graphs take turns for
 * rounds of traced steps on random images of the run's batch size, decided by {@link FormDecision}:
 * a form is cached only when its margin stands out of the readings' spread, and per bank is built
 * otherwise. A build that uses cached forms times its own graph once and measures again every shape
 * whose layers now take far longer than when their form was chosen (another load on the machine
 * then, or a changed system), so a choice made on a busy machine does not stick.
 */
public final class LayerFormTuning {
  private static final Logger LOG = LoggerFactory.getLogger(LayerFormTuning.class);

  /**
   * A cached layer counts as far off when its forward ops take more than this many times what they
   * took when its form was chosen...
   */
  static final double STALE_FACTOR = 1.5;

  /** ...and more than this many microseconds over it, so that tiny layers' jitter is no reason. */
  static final long STALE_MARGIN_MICROS = 50;

  private final LayerFormCache cache;
  private final String machine;
  private final int warmupSteps;
  private final int rounds;
  private final FormClock clock;

  /** Tuning that keeps its measurements in {@code cache} under {@code machine}. */
  public LayerFormTuning(LayerFormCache cache, String machine) {
    this(cache, machine, 3, 9, FormClock.traced());
  }

  /**
   * As {@link #LayerFormTuning(LayerFormCache, String)}, with {@code warmupSteps} untimed steps of
   * each candidate graph, then {@code rounds} rounds of one step of each, read from {@code clock}.
   */
  LayerFormTuning(
      LayerFormCache cache, String machine, int warmupSteps, int rounds, FormClock clock) {
    this.cache = cache;
    this.machine = machine;
    this.warmupSteps = warmupSteps;
    this.rounds = rounds;
    this.clock = clock;
  }

  /** Tuning on this machine with this user's cache. */
  public static LayerFormTuning standard() {
    return new LayerFormTuning(LayerFormCache.standard(), thisMachine());
  }

  /**
   * The revision of the forms' ops and of the rule that chooses among them: raised whenever either
   * changes, so that choices made the old way are measured again.
   */
  static final int FORMS_REVISION = 4;

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
    Batch batch = randomBatch(model.spec().input(), config.batchSize(), model.spec().classes());
    LayerForms forms = decide(model, config, batch);
    List<LayerFormCache.Key> stale = staleShapes(model, config, forms, batch);
    if (stale.isEmpty()) {
      return forms;
    }
    stale.forEach(cache::remove);
    return decide(model, config, batch);
  }

  /**
   * Forgets every cached form of {@code model}'s layers under {@code config}, so that the next
   * build measures them all again; returns how many were forgotten.
   */
  public int forget(ModelGraph model, TrainingConfig config) {
    Map<String, LayerForm> forms = new HashMap<>();
    int forgotten = 0;
    Optional<List<FormSite>> group;
    while ((group = nextGroup(model, config, forms)).isPresent()) {
      LayerFormCache.Key key = key(config, group.get().get(0).shape());
      Optional<LayerFormCache.Entry> entry = cache.get(key);
      if (entry.isPresent()) {
        cache.remove(key);
        forgotten++;
      }
      LayerForm form = entry.map(LayerFormCache.Entry::form).orElse(LayerForm.PER_BANK);
      group.get().forEach(site -> forms.put(site.layer(), form));
    }
    return forgotten;
  }

  private LayerFormCache.Key key(TrainingConfig config, String shape) {
    return new LayerFormCache.Key(
        machine, config.threads(), config.precision(), config.batchSize(), shape);
  }

  private LayerForms decide(ModelGraph model, TrainingConfig config, Batch batch) {
    Map<String, LayerForm> forms = new HashMap<>();
    Map<String, LayerForms.Choice> choices = new LinkedHashMap<>();
    // The graph in the forms chosen so far, kept open (and warm) while it keeps winning.
    ModelSession current = null;
    try {
      Optional<List<FormSite>> group;
      while ((group = nextGroup(model, config, forms)).isPresent()) {
        String shape = group.get().get(0).shape();
        LayerFormCache.Key key = key(config, shape);
        Optional<LayerFormCache.Entry> cached = cache.get(key);
        LayerForm form;
        Map<LayerForm, Long> costs = new EnumMap<>(LayerForm.class);
        LayerForms.Origin origin;
        if (cached.isPresent()) {
          form = cached.get().form();
          origin = LayerForms.Origin.CACHED;
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
          Map<LayerForm, StepTiming> fastest = new EnumMap<>(LayerForm.class);
          FormDecision decision = FormDecision.of(timeInRounds(candidates, batch, fastest));
          form = decision.form();
          costs.putAll(decision.medianMicros());
          current = candidates.remove(form);
          candidates.values().forEach(ModelSession::close);
          if (decision.settled()) {
            origin = LayerForms.Origin.MEASURED;
            cache.put(
                key, new LayerFormCache.Entry(form, perLayer(fastest.get(form), group.get())));
          } else {
            origin = LayerForms.Origin.WITHIN_NOISE;
          }
          LOG.info(
              "{}: {} costs {} us per step by form (median ratios {}): {}{}",
              model.modelName(),
              shape,
              costs,
              decision.medianRatios(),
              form,
              decision.settled() ? "" : ", margins within the readings' spread, not cached");
        }
        for (FormSite site : group.get()) {
          forms.put(site.layer(), form);
          choices.put(
              site.layer(), new LayerForms.Choice(site.layer(), shape, form, costs, origin));
        }
      }
    } finally {
      if (current != null) {
        current.close();
      }
    }
    return new LayerForms(options(forms), new ArrayList<>(choices.values()));
  }

  /**
   * The keys of the cached shapes whose layers, timed in the graph {@code forms} builds, take far
   * longer than when their form was chosen.
   */
  private List<LayerFormCache.Key> staleShapes(
      ModelGraph model, TrainingConfig config, LayerForms forms, Batch batch) {
    Map<String, List<FormSite>> checked = new LinkedHashMap<>();
    Map<String, Long> recorded = new HashMap<>();
    for (LayerForms.Choice choice : forms.choices()) {
      if (!choice.cached()) {
        continue;
      }
      long micros =
          cache.get(key(config, choice.shape())).map(LayerFormCache.Entry::layerMicros).orElse(0L);
      if (micros > 0) {
        recorded.put(choice.shape(), micros);
        checked
            .computeIfAbsent(choice.shape(), s -> new ArrayList<>())
            .add(new FormSite(choice.layer(), choice.shape()));
      }
    }
    if (checked.isEmpty()) {
      return List.of();
    }
    StepTiming fastest;
    try (ModelSession built =
        warm(ModelSession.probe(model, config, forms.options()), config, batch)) {
      Map<LayerForm, ModelSession> only = new EnumMap<>(LayerForm.class);
      only.put(LayerForm.AUTO, built);
      Map<LayerForm, StepTiming> timings = new EnumMap<>(LayerForm.class);
      timeInRounds(only, batch, timings);
      fastest = timings.get(LayerForm.AUTO);
    }
    List<LayerFormCache.Key> stale = new ArrayList<>();
    checked.forEach(
        (shape, sites) -> {
          long now = perLayer(fastest, sites);
          long then = recorded.get(shape);
          if (now > STALE_FACTOR * then && now - then > STALE_MARGIN_MICROS) {
            LOG.warn(
                "{}: layers of {} take {} us in their cached form, against {} us when it was"
                    + " chosen; measuring their form again",
                model.modelName(),
                shape,
                now,
                then);
            stale.add(key(config, shape));
          }
        });
    return stale;
  }

  /** The mean forward time of {@code sites}' layers in {@code timing}. */
  private static long perLayer(StepTiming timing, List<FormSite> sites) {
    return Math.round(sites.stream().mapToLong(s -> timing.within(s.layer())).average().orElse(0));
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

  /**
   * The step times of {@code sessions} in {@link #rounds} rounds of one step each, the sessions
   * taking turns; {@code fastest} receives each session's fastest time per op over the rounds.
   */
  private List<Map<LayerForm, Long>> timeInRounds(
      Map<LayerForm, ModelSession> sessions, Batch batch, Map<LayerForm, StepTiming> fastest) {
    List<Map<LayerForm, Long>> readings = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Map<LayerForm, Long> reading = new EnumMap<>(LayerForm.class);
      for (Map.Entry<LayerForm, ModelSession> session : sessions.entrySet()) {
        StepTiming timing = clock.time(session.getKey(), session.getValue(), batch);
        reading.put(session.getKey(), timing.total());
        fastest.merge(session.getKey(), timing, StepTiming::fastest);
      }
      readings.add(reading);
    }
    return readings;
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
