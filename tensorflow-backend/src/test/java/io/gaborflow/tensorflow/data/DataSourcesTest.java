package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a user is told when the data is missing or unknown. */
class DataSourcesTest {
  private final DataSources sources = new DataSources(Map.of("idx", new IdxDataSource()));

  @Test
  void noDataSpecSaysWhatToPass() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sources.load(null));
    assertEquals(
        "no data was given: pass a DataSpec, such as DataSpec.parse(\"fashion-mnist\") or"
            + " DataSpec.parse(\"folder:/path/to/images\"), where the trainer or component asks for one; sources: "
            + new IdxDataSource().usage(),
        e.getMessage());
  }

  @Test
  void anUnknownSourceListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> sources.load(DataSpec.parse("imagenet:/data")));
    assertEquals(
        "unknown data source 'imagenet'; use one of: " + new IdxDataSource().usage(),
        e.getMessage());
  }
}
