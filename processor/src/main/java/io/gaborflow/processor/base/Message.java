package io.gaborflow.processor.base;

/**
 * Every diagnostic the processor reports, in one place, so that wording stays consistent and each
 * text says what to change. Arguments are {@link String#format} arguments.
 */
public enum Message {
  NETWORK_NOT_A_CLASS("@Network goes on a class, not on %s %s"),
  NETWORK_NESTED_NOT_STATIC(
      "@Network class %s is an inner class; make it static or move it to the top level"),
  INPUT_NOT_POSITIVE("@Network %s must be 1 or more, got %d"),
  TOO_FEW_CLASSES("@Network classes must be 2 or more, got %d"),
  INVALID_MODEL_NAME(
      "@Network name '%s' may use only letters, digits, '-' and '_', and must start with a letter"),
  NO_LAYERS(
      "@Network class %s declares no layers; add fields such as"
          + " '@Conv(layer = 1, size = 5) @Learnable(filters = 20) Bank conv1;'"),

  LAYER_OUTSIDE_NETWORK(
      "field %s declares a layer, but class %s has no @Network annotation; add"
          + " @Network(height = ..., width = ..., channels = ..., classes = ...) to the class"),
  LAYER_FIELD_STATIC("layer field %s is static; declare layers as instance fields"),
  TWO_LAYER_ANNOTATIONS("field %s has both @%s and @%s; a field declares one layer"),
  WRONG_FIELD_TYPE("field %s declares a %s and must have type %s, not %s"),
  BANK_WITHOUT_CONV("@%s on field %s needs @Conv(layer = ..., size = ...) on the same field"),
  BANK_ON_OTHER_LAYER("@%s goes only on @Conv fields, and field %s is a %s; remove @%s"),
  CONV_WITHOUT_BANK_KIND(
      "@Conv field %s needs @Fixed(gabor = @Gabor(...)) for fixed Gabor filters"
          + " or @Learnable(filters = ...) for trained ones"),
  FIXED_AND_LEARNABLE(
      "field %s is both @Fixed and @Learnable; keep @Fixed for Gabor filters that never train,"
          + " or @Learnable for trained ones"),

  LAYER_INDEX_NOT_POSITIVE("layer index must be 1 or more, got %d"),
  LAYER_INDEX_GAP(
      "no field declares layer %d; layers are numbered 1, 2, 3, ... without gaps,"
          + " so renumber layer %d and the ones after it"),
  LAYER_INDEX_DUPLICATE(
      "layer %d is declared by both %s and %s; only @Conv banks may share a layer index"),
  BANKS_DISAGREE(
      "bank %s of layer %d has %s %s, but bank %s of the same layer has %s %s;"
          + " the banks of one layer share size, stride, padding and activation"),

  LAYER_FILTER_COUNT(
      "layer %d declares filters = %d, but its banks add up to %d (%s); change the banks or the count"),
  NOT_POSITIVE("@%s %s must be 1 or more, got %d"),
  GABOR_EVEN_SIZE(
      "a Gabor bank needs an odd kernel size (the kernel is centred on its middle pixel);"
          + " change size = %d to %d or %d"),
  GABOR_NO_ORIENTATIONS("@Gabor orientations must be 1 or more, got %d"),
  GABOR_EMPTY_LIST("@Gabor %s is empty; list at least one value"),
  GABOR_ANGLES_AND_ORIENTATIONS(
      "@Gabor sets both orientations and angles; keep angles to list the orientations,"
          + " or orientations to space them evenly over 180 degrees"),
  GABOR_SIGMA_AND_BANDWIDTH(
      "@Gabor sets both sigma and bandwidth; keep sigma for a fixed σ, or bandwidth to derive σ"
          + " from each wavelength"),
  GABOR_NOT_POSITIVE("@Gabor %s must be positive, got %s"),
  GABOR_SINGLE_ON_ONE_CHANNEL(
      "coverage = ChannelCoverage.SINGLE gives each filter one input channel, but layer %s has a"
          + " single input channel; use ChannelCoverage.SHARED"),
  BASIS_NOT_ONE(
      "@Learnable basis lists %d @Gabor annotations; give one @Gabor, whose kernels together make"
          + " the basis"),
  BASIS_COVERAGE(
      "a basis applies every kernel to every input channel on its own, so @Gabor coverage does not"
          + " apply; remove coverage = %s"),
  FIXED_GABOR_AND_SOURCE(
      "@Fixed sets both gabor and source; a fixed bank holds Gabor filters or filters from a"
          + " source, keep one"),
  SOURCE_NOT_ONE("@FilterSource needs exactly one of supplier, npy or model, got %d"),
  SOURCE_NEEDS_BANK(
      "@FilterSource(model = \"%s\") needs bank = \"layerN/field\": the bank to copy from that model"),
  SOURCE_NEEDS_FILTERS(
      "@FilterSource with %s needs filters = N: the number of filters, which is known here only"
          + " when the graph is built"),
  SOURCE_SUPPLIER_CONSTRUCTOR(
      "filter supplier %s needs a public constructor without arguments, and must not be abstract"),
  SOURCE_NPY_MISSING("npy resource %s is not on the class path; put it under src/main/resources"),
  SOURCE_NPY_UNREADABLE("%s"),
  SOURCE_NPY_SHAPE(
      "npy resource %s holds an array of shape %s; a %dx%d bank needs [%d, %d, input channels, filters]"),
  SOURCE_CHANNELS("npy resource %s has %d input channels but layer %s's input has %d"),
  SOURCE_NOT_TRAINABLE(
      "trainableEpochs applies to Gabor banks; a bank from @FilterSource stays fixed"),
  SOURCE_NOT_PARAMETRIC(
      "learn applies to Gabor banks, whose kernels are computed from their parameters; a bank from @FilterSource"
          + " has no Gabor parameters to learn"),
  LEARN_EMPTY(
      "@Fixed learn = {} lists no parameter; name the ones to learn (THETA, LAMBDA, PSI, SIGMA, GAMMA) or remove"
          + " learn to keep the bank fixed"),
  LEARN_TWICE("@Fixed learn lists %s twice; list each parameter once"),
  SOURCE_NO_V1_STAGES(
      "%s applies to Gabor banks; a bank from @FilterSource has no quadrature pairs or noise stage"),
  COMPLEX_CELLS_WITHOUT_PAIRS(
      "complexCells = true needs quadrature pairs: two phases 90 degrees apart, such as phases ="
          + " {0, 90}; this bank's phases are %s"),
  COMPLEX_CELLS_LEARNED_PHASE(
      "complexCells = true pairs filters by phase, which learn = PSI would change; learn other"
          + " parameters or drop the complex cells"),
  NOISE_SCALE("@Noise scale must be positive and finite, got %s"),
  TRAINABLE_EPOCHS_NEGATIVE(
      "@Fixed trainableEpochs must be 0 (fixed for the whole run) or more, got %d"),
  DROPOUT_RATE("@Dropout rate must be at least 0 and below 1, got %s"),
  BATCH_NORM_MOMENTUM("@BatchNorm momentum must be at least 0 and below 1, got %s"),
  BATCH_NORM_EPSILON("@BatchNorm epsilon must be positive, got %s"),
  BATCH_NORM_FIRST(
      "layer %d (@BatchNorm) comes before any @Conv, @Dense or @Blocks layer; batch normalisation"
          + " normalises what a weighted layer computes, so move it after one"),
  BLOCK_STRIDE_OUTSIDE_BLOCK(
      "stride = Conv.BLOCK_STRIDE takes the stride of a block's use, and %s is not in a @Block"
          + " class; give a stride of 1 or more"),
  BLOCK_NOT_ANNOTATED(
      "@Blocks field %s has type %s, which is not a @Block class; annotate %s with"
          + " @Block(width = ...) and declare its layers as fields"),
  BLOCKS_IN_BLOCK(
      "@Blocks field %s is inside a @Block class; blocks do not nest, use them from the @Network"),
  BLOCK_HAS_ERRORS("@Blocks field %s uses block %s, which has errors; fix those first"),
  BLOCK_WIDTH(
      "block %s used at width %d: %s; choose a width that scales every bank to a whole number"),
  ADD_FROM_UNKNOWN(
      "@Add from = \"%s\" names no earlier layer field of %s; name a field declared at a lower"
          + " layer index, or leave from empty for the input of the %s"),
  ADD_SHAPES_DIFFER(
      "layer %s adds a shortcut of another shape (%s); use projection = Projection.CONV_BN,"
          + " or make the layers before keep the shortcut's shape"),
  UNRESOLVED_TYPE("%s; if another processor generates it, check that it runs"),
  PROCESSOR_CRASH(
      "gaborflow's processor failed on %s (%s); this is a bug in gaborflow, please report it with this class"),

  WINDOW_DOES_NOT_FIT(
      "layer %s: the %dx%d window does not fit its %s input; use padding = Padding.SAME,"
          + " a smaller size, or fewer downsampling layers before it"),
  NEEDS_FEATURE_MAP(
      "layer %s (@%s) needs a feature map, but its input is already a vector;"
          + " move it before the first @Dense, @Flatten or @GlobalAvgPool layer"),
  LAST_LAYER_NOT_LOGITS(
      "the last layer must give one logit per class: @Dense(layer = %s, units = %d,"
          + " activation = Activation.NONE), or @GlobalAvgPool over %d maps; %s"),
  NO_TRAINABLE_PARAMETER(
      "network %s has nothing to train: every bank is @Fixed and there is no @Dense layer;"
          + " make a bank @Learnable or add a @Dense layer");

  private final String format;

  Message(String format) {
    this.format = format;
  }

  public String format(Object... args) {
    return String.format(format, args);
  }
}
