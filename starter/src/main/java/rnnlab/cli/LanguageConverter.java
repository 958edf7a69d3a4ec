package rnnlab.cli;

import picocli.CommandLine;
import rnnlab.data.Language;

/** Reads {@code --language} by its command-line name, such as {@code anbncn}. */
final class LanguageConverter implements CommandLine.ITypeConverter<Language> {

    @Override
    public Language convert(String value) {
        try {
            return Language.of(value);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.TypeConversionException("expected anbn or anbncn but was '"
                    + value + "'");
        }
    }
}
