package io.gaborflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each source under {@code bad/} is a mistake a user can make; the processor must reject it with
 * this exact message on this exact line.
 */
class NetworkProcessorNegativeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      EvenGaborSize          |  9 | a Gabor bank needs an odd kernel size (the kernel is centred on its middle pixel); change size = 4 to 3 or 5
      ZeroOrientations       | 10 | @Gabor orientations must be 1 or more, got 0
      NoWavelengths          | 12 | @Gabor wavelengths is empty; list at least one value
      NoPhases               | 10 | @Gabor phases is empty; list at least one value
      NegativeSigma          | 12 | @Gabor sigma must be positive, got -1.5
      ZeroWavelength         | 10 | @Gabor wavelengths must be positive, got 0.0
      ZeroAspect             | 10 | @Gabor aspect must be positive, got 0.0
      AnglesAndOrientations  | 10 | @Gabor sets both orientations and angles; keep angles to list the orientations, or orientations to space them evenly over 180 degrees
      SingleOnOneChannel     | 10 | coverage = ChannelCoverage.SINGLE gives each filter one input channel, but layer 1 has a single input channel; use ChannelCoverage.SHARED
      BanksDisagreeOnSize    | 13 | bank conv of layer 1 has size 3, but bank gabor of the same layer has size 5; the banks of one layer share size, stride, padding and activation
      BanksDisagreeOnStride  | 13 | bank conv of layer 1 has stride 2, but bank gabor of the same layer has stride 1; the banks of one layer share size, stride, padding and activation
      BanksDisagreeOnPadding | 13 | bank conv of layer 1 has padding VALID, but bank gabor of the same layer has padding SAME; the banks of one layer share size, stride, padding and activation
      LayerGap               | 13 | no field declares layer 2; layers are numbered 1, 2, 3, ... without gaps, so renumber layer 3 and the ones after it
      DuplicateLayer         | 16 | layer 2 is declared by both pool and flat; only @Conv banks may share a layer index
      WrongFieldType         | 11 | field conv declares a convolution bank and must have type Bank, not float[]
      LearnableOnDense       | 14 | @Learnable goes only on @Conv fields, and field logits is a dense layer; remove @Learnable
      FixedAndLearnable      | 11 | field conv is both @Fixed and @Learnable; keep @Fixed for Gabor filters that never train, or @Learnable for trained ones
      ConvWithoutBankKind    |  9 | @Conv field conv needs @Fixed(gabor = @Gabor(...)) for fixed Gabor filters or @Learnable(filters = ...) for trained ones
      TwoLayerAnnotations    | 14 | field pool has both @MaxPool and @AvgPool; a field declares one layer
      StaticLayerField       | 11 | layer field conv is static; declare layers as instance fields
      ZeroFilters            | 10 | @Learnable filters must be 1 or more, got 0
      BasisOfTwo             | 10 | @Learnable basis lists 2 @Gabor annotations; give one @Gabor, whose kernels together make the basis
      BasisWithCoverage      | 12 | a basis applies every kernel to every input channel on its own, so @Gabor coverage does not apply; remove coverage = SINGLE
      BasisEvenSize          |  9 | a Gabor bank needs an odd kernel size (the kernel is centred on its middle pixel); change size = 4 to 3 or 5
      BasisNoPhases          | 10 | @Gabor phases is empty; list at least one value
      NegativeTrainableEpochs| 10 | @Fixed trainableEpochs must be 0 (fixed for the whole run) or more, got -2
      LearnEmpty             | 10 | @Fixed learn = {} lists no parameter; name the ones to learn (THETA, LAMBDA, PSI, SIGMA, GAMMA) or remove learn to keep the bank fixed
      LearnTwice             | 10 | @Fixed learn lists THETA twice; list each parameter once
      ComplexCellsWithoutPairs | 10 | complexCells = true needs quadrature pairs: two phases 90 degrees apart, such as phases = {0, 90}; this bank's phases are [0.0, 45.0]
      ComplexCellsLearnedPhase | 10 | complexCells = true pairs filters by phase, which learn = PSI would change; learn other parameters or drop the complex cells
      NoiseWithoutScale      | 10 | @Noise scale must be positive and finite, got 0.0
      NoiseOnSource          | 10 | noise applies to Gabor banks; a bank from @FilterSource has no quadrature pairs or noise stage
      LearnOnSource          | 10 | learn applies to Gabor banks, whose kernels are computed from their parameters; a bank from @FilterSource has no Gabor parameters to learn
      DropoutRateOne         | 13 | @Dropout rate must be at least 0 and below 1, got 1.0
      NothingToTrain         |  7 | network NothingToTrain has nothing to train: every bank is @Fixed and there is no @Dense layer; make a bank @Learnable or add a @Dense layer
      InputTooSmall          | 16 | layer 3: the 5x5 window does not fit its 2x2x8 input; use padding = Padding.SAME, a smaller size, or fewer downsampling layers before it
      ConvAfterDense         | 12 | layer 2 (@Conv) needs a feature map, but its input is already a vector; move it before the first @Dense, @Flatten or @GlobalAvgPool layer
      LastLayerNotLogits     | 13 | the last layer must give one logit per class: @Dense(layer = 2, units = 10, activation = Activation.NONE), or @GlobalAvgPool over 10 maps; layer 2 has activation RELU (the loss applies softmax itself)
      WrongClassCount        | 13 | the last layer must give one logit per class: @Dense(layer = 2, units = 10, activation = Activation.NONE), or @GlobalAvgPool over 10 maps; layer 2 has 12 units for 10 classes
      AverageOfTooManyMaps   | 13 | the last layer must give one logit per class: @Dense(layer = 2, units = 10, activation = Activation.NONE), or @GlobalAvgPool over 10 maps; layer 2 averages 16 maps for 10 classes
      GaborAndSource         | 10 | @Fixed sets both gabor and source; a fixed bank holds Gabor filters or filters from a source, keep one
      SourceOfNoKind         | 10 | @FilterSource needs exactly one of supplier, npy or model, got 0
      ModelWithoutBank       | 10 | @FilterSource(model = "runs/first") needs bank = "layerN/field": the bank to copy from that model
      NpyMissing             | 10 | npy resource filters/nowhere.npy is not on the class path; put it under src/main/resources
      NpyWrongSize           | 10 | npy resource filters/wrong-size.npy holds an array of shape [5, 5, 1, 2]; a 3x3 bank needs [3, 3, input channels, filters]
      NpyBroken              | 10 | filters/broken.npy at byte 0: not a .npy file: it does not start with \\x93NUMPY
      NpyWrongChannels       | 14 | npy resource filters/sobel.npy has 1 input channels but layer 2's input has 8
      FilterCountMismatch    |  9 | layer 1 declares filters = 20, but its banks add up to 18 (gabor: 8 fixed, conv: 10 learnable); change the banks or the count
      OneClass               |  7 | @Network classes must be 2 or more, got 1
      NetworkOnInterface     |  7 | @Network goes on a class, not on interface NetworkOnInterface
      NoLayers               |  8 | @Network class NoLayers declares no layers; add fields such as '@Conv(layer = 1, size = 5) @Learnable(filters = 20) Bank conv1;'
      AddShapesDiffer        | 16 | layer 2 adds a shortcut of another shape (layer2: cannot add a 12x12x1 shortcut to a 10x10x8 output); use projection = Projection.CONV_BN, or make the layers before keep the shortcut's shape
      BlockNotAnnotated      | 17 | @Blocks field blocks has type test.BlockNotAnnotated.Plain, which is not a @Block class; annotate test.BlockNotAnnotated.Plain with @Block(width = ...) and declare its layers as fields
      RepeatOfZero           | 22 | @Blocks count must be 1 or more, got 0
      BatchNormFirst         | 14 | layer 1 (@BatchNorm) comes before any @Conv, @Dense or @Blocks layer; batch normalisation normalises what a weighted layer computes, so move it after one
      LayerWithoutNetwork    | 10 | field conv declares a layer, but class LayerWithoutNetwork has no @Network annotation; add @Network(height = ..., width = ..., channels = ..., classes = ...) to the class
      """)
  void rejectsWithMessageOnLine(String name, int line, String message) {
    JavaFileObject source = JavaFileObjects.forResource("bad/test/" + name + ".java");
    Compilation compilation =
        javac()
            .withProcessors(new NetworkProcessor())
            .withOptions(NetworkProcessorGoldenTest.RESOURCES)
            .compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
    assertThat(compilation).hadErrorCount(1);
  }
}
