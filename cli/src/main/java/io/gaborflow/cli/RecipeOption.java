package io.gaborflow.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --recipe} flag of the commands that train. */
final class RecipeOption {
  @Option(
      names = "--recipe",
      paramLabel = "NAME",
      converter = Recipe.Converter.class,
      completionCandidates = Recipe.Names.class,
      description =
          "Named settings for a kind of run (${COMPLETION-CANDIDATES}); flags given as well win;"
              + " docs/recipes.md lists each.")
  Recipe recipe;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Sets the recipe's values on the command's options not given on the command line, and prints
   * what it set; the printed line, or null without a recipe.
   */
  String apply() {
    if (recipe == null) {
      return null;
    }
    String line = recipe.applyTo(command);
    System.out.println(line);
    return line;
  }
}
