package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Conv;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.LayerKind;
import io.gaborflow.processor.reading.NetworkDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks how fields make layers: indices 1, 2, 3, ... without gaps, only banks sharing an index,
 * and the banks of one layer agreeing on their geometry.
 */
final class LayerStructureValidator {
  /**
   * What the banks of one layer share, by the element's name (for the message and its position).
   */
  private static final Map<String, Function<Conv, Object>> SHARED_BY_BANKS = sharedByBanks();

  private static Map<String, Function<Conv, Object>> sharedByBanks() {
    Map<String, Function<Conv, Object>> shared = new LinkedHashMap<>();
    shared.put("size", Conv::size);
    shared.put("stride", Conv::stride);
    shared.put("padding", Conv::padding);
    shared.put("activation", Conv::activation);
    return shared;
  }

  void validate(NetworkDeclaration declaration, ValidationReport report) {
    Map<Integer, List<LayerField>> byIndex = new TreeMap<>();
    for (LayerField field : declaration.fields()) {
      if (field.index() >= 1) {
        byIndex.computeIfAbsent(field.index(), i -> new ArrayList<>()).add(field);
      }
    }
    int expected = 1;
    boolean weighted = false;
    java.util.Set<String> earlier = new java.util.HashSet<>();
    for (Map.Entry<Integer, List<LayerField>> entry : byIndex.entrySet()) {
      int index = entry.getKey();
      List<LayerField> fields = entry.getValue();
      if (index != expected) {
        LayerField first = fields.get(0);
        report.error(
            Message.LAYER_INDEX_GAP,
            first.field(),
            first.layerMirror(),
            first.layer().explicit("layer"),
            expected,
            index);
        return; // every later index is off by the same gap; one message says it
      }
      expected++;
      checkSharing(index, fields, report);
      LayerField first = fields.get(0);
      if (first.kind() == LayerKind.BATCH_NORM && !weighted && !declaration.block()) {
        report.error(
            Message.BATCH_NORM_FIRST,
            first.field(),
            first.layerMirror(),
            first.layer().explicit("layer"),
            index);
      }
      if (first.kind() == LayerKind.ADD) {
        String from = first.add().from();
        if (!from.isEmpty() && !earlier.contains(from)) {
          report.error(
              Message.ADD_FROM_UNKNOWN,
              first.field(),
              first.layerMirror(),
              first.layer().explicit("from"),
              from,
              declaration.type().getSimpleName(),
              declaration.block() ? "block" : "network");
        }
      }
      weighted |= first.kind().weighted();
      fields.forEach(f -> earlier.add(f.name()));
    }
  }

  private static void checkSharing(int index, List<LayerField> fields, ValidationReport report) {
    LayerField first = fields.get(0);
    for (LayerField other : fields.subList(1, fields.size())) {
      if (first.kind() != LayerKind.CONV || other.kind() != LayerKind.CONV) {
        report.error(
            Message.LAYER_INDEX_DUPLICATE,
            other.field(),
            other.layerMirror(),
            other.layer().explicit("layer"),
            index,
            first.name(),
            other.name());
        continue;
      }
      for (Map.Entry<String, Function<Conv, Object>> shared : SHARED_BY_BANKS.entrySet()) {
        String property = shared.getKey();
        Object mine = shared.getValue().apply(first.conv());
        Object theirs = shared.getValue().apply(other.conv());
        if (!mine.equals(theirs)) {
          report.error(
              Message.BANKS_DISAGREE,
              other.field(),
              other.layerMirror(),
              other.layer().explicit(property),
              other.name(),
              index,
              property,
              theirs,
              first.name(),
              property,
              mine);
        }
      }
    }
  }
}
