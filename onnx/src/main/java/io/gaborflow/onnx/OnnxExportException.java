package io.gaborflow.onnx;

/**
 * A network, or a part of it, that the ONNX export cannot write as asked; the message names the
 * layer or bank and what to change.
 */
public final class OnnxExportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  OnnxExportException(String message) {
    super(message);
  }
}
