package io.gaborflow.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A named set of flag values for a kind of run, so that a user gets a good run without knowing the
 * numbers. A flag given on the command line wins over the recipe's value for it.
 */
enum Recipe {
  /**
   * ResNets on CIFAR-10 in at most 30 epochs: Nesterov SGD with L2 weight decay, one linear cycle
   * of the learning rate, label smoothing, random crops and flips, per-channel standardisation and
   * flip test-time augmentation, the ingredients of the fast CIFAR-10 recipes (Page's ResNet-9,
   * airbench) on the settings of He et al. (2016) for batch size and momentum.
   */
  CIFAR10_RESNET(
      "cifar10-resnet",
      settings(
          "--epochs",
          30,
          "--batch-size",
          128,
          "--optimizer",
          io.gaborflow.tensorflow.train.OptimizerKind.MOMENTUM,
          "--momentum",
          0.9f,
          "--nesterov",
          true,
          "--learning-rate",
          0.2f,
          "--lr-schedule",
          StepOptions.Schedule.ONE_CYCLE,
          "--lr-peak-at",
          0.2,
          "--lr-anneal",
          StepOptions.Anneal.LINEAR,
          "--weight-decay",
          5e-4f,
          "--label-smoothing",
          0.1f,
          "--augment",
          true,
          "--normalize",
          true,
          "--flip-eval",
          true));

  private final String recipeName;
  private final Map<String, Object> settings;

  Recipe(String recipeName, Map<String, Object> settings) {
    this.recipeName = recipeName;
    this.settings = settings;
  }

  private static Map<String, Object> settings(Object... flagThenValue) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int i = 0; i < flagThenValue.length; i += 2) {
      settings.put((String) flagThenValue[i], flagThenValue[i + 1]);
    }
    return settings;
  }

  /** The name users type after {@code --recipe}. */
  String recipeName() {
    return recipeName;
  }

  /** The recipe's flags and values, in the order they are documented. */
  Map<String, Object> settings() {
    return settings;
  }

  /** The recipe called {@code name}; the error lists the known ones. */
  static Recipe named(String name) {
    return Arrays.stream(values())
        .filter(r -> r.recipeName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--recipe "
                        + name
                        + " is not a recipe; the recipes are "
                        + Arrays.stream(values())
                            .map(Recipe::recipeName)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * Sets every option of {@code command} that the recipe gives and the command line did not; the
   * flags the recipe set, with their values, one line: what the run prints at its start.
   */
  String applyTo(CommandSpec command) {
    ParseResult given = command.commandLine().getParseResult();
    Map<String, Object> applied = new LinkedHashMap<>();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> setting : settings.entrySet()) {
      OptionSpec option = command.findOption(setting.getKey());
      if (option == null) {
        continue;
      }
      if (given != null && given.hasMatchedOption(setting.getKey())) {
        kept.put(setting.getKey(), option.getValue());
      } else {
        option.setValue(setting.getValue());
        applied.put(setting.getKey(), setting.getValue());
      }
    }
    String line = "recipe " + recipeName + ": " + flags(applied);
    return kept.isEmpty() ? line : line + "; given on the command line: " + flags(kept);
  }

  private static String flags(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(e -> flag(e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /**
   * The flag as it would be typed: {@code --nesterov}, {@code --no-augment}, {@code --epochs 30}.
   */
  private static String flag(String name, Object value) {
    if (value instanceof Boolean on) {
      return on ? name : "--no-" + name.substring(2);
    }
    String typed =
        value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    return name + " " + typed;
  }

  /** Converts {@code --recipe}'s argument. */
  static final class Converter implements CommandLine.ITypeConverter<Recipe> {
    @Override
    public Recipe convert(String value) {
      try {
        return named(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** The recipe names, for help and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(values()).map(Recipe::recipeName).iterator();
    }
  }
}
