package io.gaborflow.core.model;

import java.util.List;

/**
 * The names of what the processor generates for a {@code @Network} class: the processor writes them
 * and the backend finds them by them (ModelGraph.forNetwork).
 */
public final class GeneratedNames {
  /** Suffix of the generated graph, {@code <Name>Graph}. */
  public static final String GRAPH = "Graph";

  /** Suffix of the generated trainer, {@code <Name>Trainer}. */
  public static final String TRAINER = "Trainer";

  private GeneratedNames() {}

  /**
   * The simple name generated for a class with {@code simpleNames} (the class and those it is
   * nested in, outermost first): {@code Outer_InnerGraph} for a nested class.
   */
  public static String simpleName(List<String> simpleNames, String suffix) {
    return String.join("_", simpleNames) + suffix;
  }

  /**
   * The binary name generated for the class whose binary name is {@code binaryName} ({@code
   * a.b.Outer$Inner}).
   */
  public static String binaryName(String binaryName, String suffix) {
    int dot = binaryName.lastIndexOf('.');
    String packagePrefix = dot < 0 ? "" : binaryName.substring(0, dot + 1);
    List<String> simpleNames = List.of(binaryName.substring(dot + 1).split("\\$"));
    return packagePrefix + simpleName(simpleNames, suffix);
  }
}
