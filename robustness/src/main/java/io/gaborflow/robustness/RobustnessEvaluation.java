package io.gaborflow.robustness;

import io.gaborflow.robustness.RobustnessReport.AttackResult;
import io.gaborflow.robustness.RobustnessReport.CorruptionResult;
import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Fgsm;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.robustness.corruption.Corruption;
import io.gaborflow.robustness.corruption.Picture;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures what an exported model withstands on a test split: its accuracy on the clean images, on
 * each corruption at each severity, and on the images each attack produces at each budget.
 */
public final class RobustnessEvaluation {
  /**
   * What to measure.
   *
   * @param corruptions the corruptions, each at every one of {@code severities}
   * @param severities 1 to {@link Corruption#SEVERITIES}
   * @param attacks the attacks and their budgets
   * @param batchSize images per model call
   * @param seed the corruptions' noise and the attacks' random starts
   * @param gradientSamples the model evaluations each attack gradient averages: 1 for a model
   *     without noise, several for one with ({@link PixelSpaceModel#PixelSpaceModel(ExportedModel,
   *     int)})
   */
  public record Settings(
      List<Corruption> corruptions,
      List<Integer> severities,
      List<AttackSetting> attacks,
      int batchSize,
      long seed,
      int gradientSamples) {
    /** Copies the lists and checks the values. */
    public Settings {
      corruptions = List.copyOf(corruptions);
      severities = List.copyOf(severities);
      attacks = List.copyOf(attacks);
      for (int s : severities) {
        if (s < 1 || s > Corruption.SEVERITIES) {
          throw new IllegalArgumentException(
              "severity " + s + " is not in 1.." + Corruption.SEVERITIES);
        }
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
      }
      PixelSpaceModel.requireGradientSamples(gradientSamples);
    }

    /** These settings without corruptions: attacks only. */
    public Settings withoutCorruptions() {
      return new Settings(List.of(), severities, attacks, batchSize, seed, gradientSamples);
    }

    /**
     * The gradient samples a model needs unless told: {@value #STOCHASTIC_GRADIENT_SAMPLES} for one
     * that adds noise, 1 for one that does not.
     */
    public static int gradientSamplesFor(ExportMetadata model) {
      return model.stochastic() ? STOCHASTIC_GRADIENT_SAMPLES : 1;
    }

    /**
     * Every corruption at every severity; FGSM and PGD-L∞ (Madry et al.'s 10 steps of ε/4) at ε =
     * 1, 2, 4 and 8 / 255, PGD-L2 at 0.25 and 0.5.
     */
    public static Settings defaults() {
      List<Double> linf = List.of(1 / 255.0, 2 / 255.0, 4 / 255.0, 8 / 255.0);
      return new Settings(
          List.of(Corruption.values()),
          List.of(1, 2, 3, 4, 5),
          List.of(
              new AttackSetting(new Fgsm(), linf),
              new AttackSetting(Pgd.madry(Attack.Norm.LINF), linf),
              new AttackSetting(Pgd.madry(Attack.Norm.L2), List.of(0.25, 0.5))),
          100,
          1,
          1);
    }
  }

  /** Evaluations per gradient for a model with noise, unless told otherwise. */
  public static final int STOCHASTIC_GRADIENT_SAMPLES = 10;

  /** Told of the evaluation's progress, in units of one image through the model forward. */
  @FunctionalInterface
  public interface Listener {
    void progress(long done, long total, String part);
  }

  private final ExportedModel exported;
  private final PixelSpaceModel model;
  private final Settings settings;
  private final Listener listener;
  private long done;
  private long total;

  private RobustnessEvaluation(ExportedModel exported, Settings settings, Listener listener) {
    this.exported = exported;
    this.model = new PixelSpaceModel(exported, settings.gradientSamples());
    this.settings = settings;
    this.listener = listener;
  }

  /**
   * Evaluates {@code model} on {@code test}, images in 0..1 before any standardisation (the export
   * applies its own).
   */
  public static RobustnessReport run(
      ExportedModel model, ImageSamples test, Settings settings, Listener listener) {
    return new RobustnessEvaluation(model, settings, listener).run(test);
  }

  private RobustnessReport run(ImageSamples test) {
    ExportMetadata metadata = exported.metadata();
    if (test.height() != metadata.height()
        || test.width() != metadata.width()
        || test.channels() != metadata.channels()) {
      throw new IllegalArgumentException(
          String.format(
              "the test images are %dx%dx%d but model %s takes %dx%dx%d; give the data it was"
                  + " trained on",
              test.height(),
              test.width(),
              test.channels(),
              metadata.model(),
              metadata.height(),
              metadata.width(),
              metadata.channels()));
    }
    long start = System.nanoTime();
    List<Corruption> corruptions = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (Corruption c : settings.corruptions()) {
      if (c.appliesTo(test.channels())) {
        corruptions.add(c);
      } else {
        notApplicable.add(c.id() + " (needs colour images; these have " + test.channels() + ")");
      }
    }
    int n = test.size();
    total = n * (1L + (long) corruptions.size() * settings.severities().size());
    for (AttackSetting a : settings.attacks()) {
      total +=
          (long) n
              * a.epsilons().size()
              * ((long) a.attack().gradientEvaluations() * settings.gradientSamples() + 1);
    }
    long cleanCorrect = 0;
    int[] order = IntStream.range(0, n).toArray();
    List<CorruptionResult> corruptionResults = new ArrayList<>();
    List<AttackResult> attackResults = new ArrayList<>();
    long[][] corruptionCorrect = new long[corruptions.size()][settings.severities().size()];
    int attackCells = settings.attacks().stream().mapToInt(a -> a.epsilons().size()).sum();
    long[] attackCorrect = new long[attackCells];
    double[] attackPerturbation = new double[attackCells];
    int perImage = test.pixelsPerImage();
    for (int from = 0; from < n; from += settings.batchSize()) {
      int count = Math.min(settings.batchSize(), n - from);
      float[] pixels = new float[count * perImage];
      int[] labels = new int[count];
      test.copyBatch(order, from, count, pixels, labels);
      cleanCorrect += correct(pixels, labels, count, "clean");
      for (int c = 0; c < corruptions.size(); c++) {
        for (int s = 0; s < settings.severities().size(); s++) {
          float[] corrupted =
              corrupt(test, corruptions.get(c), settings.severities().get(s), pixels, count, from);
          corruptionCorrect[c][s] += correct(corrupted, labels, count, corruptions.get(c).id());
        }
      }
      int cell = 0;
      for (AttackSetting setting : settings.attacks()) {
        Attack attack = setting.attack();
        for (double epsilon : setting.epsilons()) {
          float[] attacked =
              attack.perturb(model, pixels, labels, count, epsilon, settings.seed(), from);
          advance(
              (long) count * attack.gradientEvaluations() * settings.gradientSamples(),
              attack.id());
          attackCorrect[cell] += correct(attacked, labels, count, attack.id());
          attackPerturbation[cell] += perturbation(pixels, attacked, count, attack.norm());
          cell++;
        }
      }
    }
    for (int c = 0; c < corruptions.size(); c++) {
      for (int s = 0; s < settings.severities().size(); s++) {
        corruptionResults.add(
            new CorruptionResult(
                corruptions.get(c).id(),
                corruptions.get(c).kind().label(),
                settings.severities().get(s),
                (double) corruptionCorrect[c][s] / n));
      }
    }
    int cell = 0;
    for (AttackSetting setting : settings.attacks()) {
      for (double epsilon : setting.epsilons()) {
        attackResults.add(
            new AttackResult(
                setting.attack().id(),
                setting.attack().norm().name().toLowerCase(java.util.Locale.ROOT),
                epsilon,
                (double) attackCorrect[cell] / n,
                attackPerturbation[cell] / n));
        cell++;
      }
    }
    return new RobustnessReport(
        metadata.model(),
        n,
        settings.seed(),
        settings.gradientSamples(),
        (double) cleanCorrect / n,
        corruptionResults,
        attackResults,
        notApplicable,
        RobustnessReport.COMPUTED,
        (System.nanoTime() - start) / 1e9);
  }

  private float[] corrupt(
      ImageSamples test, Corruption corruption, int severity, float[] pixels, int count, int from) {
    int perImage = test.pixelsPerImage();
    float[] out = new float[pixels.length];
    for (int i = 0; i < count; i++) {
      Picture picture =
          new Picture(
              test.height(),
              test.width(),
              test.channels(),
              Arrays.copyOfRange(pixels, i * perImage, (i + 1) * perImage));
      float[] corrupted = corruption.apply(picture, severity, settings.seed(), from + i).pixels();
      System.arraycopy(corrupted, 0, out, i * perImage, perImage);
    }
    return out;
  }

  private int correct(float[] pixels, int[] labels, int count, String part) {
    int[] predicted = model.predict(pixels, count);
    int right = 0;
    for (int i = 0; i < count; i++) {
      right += predicted[i] == labels[i] ? 1 : 0;
    }
    advance(count, part);
    return right;
  }

  private void advance(long units, String part) {
    done += units;
    listener.progress(done, total, part);
  }

  /** The sum over images of the change's size in {@code norm}. */
  private static double perturbation(float[] a, float[] b, int count, Attack.Norm norm) {
    int n = a.length / count;
    double sum = 0;
    for (int image = 0; image < count; image++) {
      double largest = 0;
      double squares = 0;
      for (int i = image * n; i < (image + 1) * n; i++) {
        double d = Math.abs(a[i] - b[i]);
        largest = Math.max(largest, d);
        squares += d * d;
      }
      sum += norm == Attack.Norm.LINF ? largest : Math.sqrt(squares);
    }
    return sum;
  }
}
