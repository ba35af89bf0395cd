package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.train.LearningRateSchedule;
import io.gaborflow.tensorflow.train.Optimizer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A recipe fills in the flags a user did not give, and every flag given wins over it. */
class RecipeTest {
  private static TrainCommand parsed(String... args) {
    TrainCommand train = new TrainCommand();
    CommandLine cli = new CommandLine(train).setCaseInsensitiveEnumValuesAllowed(true);
    cli.parseArgs(args);
    return train;
  }

  @Test
  void theRecipeSetsTheFlagsNotGiven() {
    TrainCommand train = parsed("--recipe", "cifar10-resnet");
    String line = train.recipe.recipe.applyTo(train.recipe.command);
    TrainingConfig config = train.stepOptions.config().epochs(train.epochs).build();
    assertEquals(30, config.epochs());
    assertEquals(128, config.batchSize());
    assertEquals(Optimizer.momentum(0.9f).withNesterov(), config.optimizer());
    assertEquals(5e-4f, config.weightDecay());
    assertEquals(0.1f, config.labelSmoothing());
    assertTrue(config.augment());
    assertTrue(config.flipEvaluation());
    assertTrue(train.dataOptions.normalize);
    assertEquals(
        LearningRateSchedule.oneCycle(0.2, LearningRateSchedule.linear()), config.schedule());
    assertTrue(line.startsWith("recipe cifar10-resnet: --epochs 30 --batch-size 128"), line);
  }

  @Test
  void aFlagGivenWinsAndIsSaidToHaveWon() {
    TrainCommand train =
        parsed("--recipe", "cifar10-resnet", "--learning-rate", "0.05", "--no-nesterov");
    String line = train.recipe.recipe.applyTo(train.recipe.command);
    TrainingConfig config = train.stepOptions.config().build();
    assertEquals(0.05f, config.learningRate());
    assertEquals(Optimizer.momentum(0.9f), config.optimizer());
    assertEquals(5e-4f, config.weightDecay(), "the rest of the recipe still applies");
    assertTrue(
        line.endsWith("; given on the command line: --no-nesterov --learning-rate 0.05"), line);
    String applied = line.substring(0, line.indexOf(';'));
    assertFalse(applied.contains("nesterov") || applied.contains("learning-rate"), applied);
  }

  @Test
  void anUnknownRecipeIsRefusedWithTheKnownOnes() {
    CommandLine.ParameterException e =
        assertThrows(
            CommandLine.ParameterException.class, () -> parsed("--recipe", "imagenet-resnet"));
    assertTrue(e.getMessage().contains("imagenet-resnet is not a recipe"), e.getMessage());
    assertTrue(e.getMessage().contains("cifar10-resnet"), e.getMessage());
  }
}
