package rnnlab.cli;

import rnnlab.djl.DjlTrainingOptions;

/**
 * The training settings each model uses when the command line does not set them.
 *
 * @param epochs the number of passes over the training sequences
 * @param learningRate the SGD step size
 */
record ModelDefaults(int epochs, double learningRate) {

    /** RNN: SGD at 0.03 for 200 epochs, about 3 seconds on one core. */
    static final ModelDefaults RNN = new ModelDefaults(200, 0.03);

    /** LSTM: SGD at 0.05 for 100 epochs, about 5 seconds on one core. */
    static final ModelDefaults LSTM = new ModelDefaults(100, 0.05);

    /** DJL LSTM and GRU: Adam at 0.001 for 50 epochs. */
    static final ModelDefaults DJL = new ModelDefaults(DjlTrainingOptions.DEFAULT_EPOCHS,
            DjlTrainingOptions.DEFAULT_LEARNING_RATE);
}
