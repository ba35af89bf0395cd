package io.gaborflow.processor.reading;

import io.gaborflow.core.npy.NpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads the header of an {@code .npy} resource at compile time. Build tools copy resources to the
 * class output before compiling, so that is where they are looked for first, then the source path.
 */
public final class NpyResources {
  private final Filer filer;

  public NpyResources(Filer filer) {
    this.filer = filer;
  }

  /**
   * The array's shape, or empty when the resource is not there.
   *
   * @throws io.gaborflow.core.npy.NpyFormatException when it is there but is not a usable .npy file
   */
  public Optional<int[]> shapeOf(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    for (StandardLocation location :
        new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH}) {
      try {
        FileObject file = filer.getResource(location, "", path);
        try (InputStream in = file.openInputStream()) {
          return Optional.of(NpyReader.readShape(in, resource));
        }
      } catch (IOException | IllegalArgumentException e) {
        // Not in this location; try the next one.
      }
    }
    return Optional.empty();
  }
}
