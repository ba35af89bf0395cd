package io.gaborflow.tensorflow.data;

/**
 * A split that passes every call to another; subclasses change what they need (which images, what
 * is done to each as it is read, counting reads).
 */
public abstract class ForwardingSamples implements ImageSamples {
  /** The split calls are passed to. */
  protected final ImageSamples delegate;

  /** Passes every call to {@code delegate}. */
  protected ForwardingSamples(ImageSamples delegate) {
    this.delegate = delegate;
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public int height() {
    return delegate.height();
  }

  @Override
  public int width() {
    return delegate.width();
  }

  @Override
  public int channels() {
    return delegate.channels();
  }

  @Override
  public int label(int index) {
    return delegate.label(index);
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    return delegate.read(index, into, offset);
  }
}
