package io.gaborflow.tensorflow.data;

/**
 * What {@code --data} says: a source name and, after a colon, its argument ({@code
 * idx:/data/mnist}, {@code fashion-mnist}).
 */
public record DataSpec(String source, String argument) {

  public static DataSpec parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? new DataSpec(text, "")
        : new DataSpec(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return argument.isEmpty() ? source : source + ":" + argument;
  }
}
