package io.gaborflow.tensorflow.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.gaborflow.tensorflow.data.TfRecordFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** A TensorBoard event file read back. */
public final class EventFiles {
  private EventFiles() {}

  /** Every event of {@code file}, in file order. */
  public static List<Event> events(Path file) {
    List<Event> events = new ArrayList<>();
    TfRecordFile.read(
        file,
        (data, index, offset) -> {
          try {
            events.add(Event.parseFrom(data));
          } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
          }
        });
    return events;
  }

  /** Every scalar of {@code events}, by tag, as (step, value) pairs in file order. */
  public static Map<String, List<double[]>> scalars(List<Event> events) {
    Map<String, List<double[]>> byTag = new LinkedHashMap<>();
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        byTag
            .computeIfAbsent(v.getTag(), t -> new ArrayList<>())
            .add(new double[] {e.getStep(), v.getSimpleValue()});
      }
    }
    return byTag;
  }
}
