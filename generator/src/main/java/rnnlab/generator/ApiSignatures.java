package rnnlab.generator;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The API of one source file as text, read from its syntax tree: every class, interface, enum
 * and record that is not private, with their non-private fields, constructors and methods and
 * the components of records.
 *
 * <p>Types are compared as written, so {@code List<DMatrixRMaj>} and
 * {@code java.util.List<DMatrixRMaj>} differ; that is enough here because the starter's
 * declarations are generated from the solution's. Bodies, parameter names, annotations and
 * private members are not part of the signature.
 */
final class ApiSignatures {

    /**
     * One declaration.
     *
     * @param text for example {@code rnnlab.rnn.RnnForward: static DMatrixRMaj
     *     hiddenStep(DMatrixRMaj, DMatrixRMaj, RnnParameters)}
     * @param line the 1-based line where the declaration starts
     */
    record Signature(String text, int line) {
    }

    private ApiSignatures() {
    }

    /** Returns the signatures of a file's declarations in source order. */
    static List<Signature> of(JavaSource source) {
        String packageName = source.unit().getPackageName() == null ? ""
                : source.unit().getPackageName() + ".";
        List<Signature> signatures = new ArrayList<>();
        for (Tree type : source.unit().getTypeDecls()) {
            if (type instanceof ClassTree declaration) {
                addType(source, packageName, declaration, signatures);
            }
        }
        return signatures;
    }

    private static void addType(JavaSource source, String outer, ClassTree type,
            List<Signature> signatures) {
        Set<Modifier> modifiers = type.getModifiers().getFlags();
        if (modifiers.contains(Modifier.PRIVATE)) {
            return;
        }
        String name = outer + type.getSimpleName();
        StringBuilder header = new StringBuilder(modifiers(modifiers))
                .append(type.getKind().name().toLowerCase()).append(' ')
                .append(type.getSimpleName()).append(typeParameters(type.getTypeParameters()));
        if (type.getExtendsClause() != null) {
            header.append(" extends ").append(type.getExtendsClause());
        }
        if (!type.getImplementsClause().isEmpty()) {
            header.append(" implements ").append(joined(type.getImplementsClause()));
        }
        signatures.add(new Signature(name + ": " + header, source.startLine(type)));
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                addType(source, name + "$", nested, signatures);
            } else if (member instanceof MethodTree method) {
                addMethod(source, name, method, signatures);
            } else if (member instanceof VariableTree field) {
                addField(source, name, type, field, signatures);
            }
        }
    }

    /**
     * Adds a non-private field or a record component. The parser shows a component as a
     * private instance field, the only kind of instance field a record can have.
     */
    private static void addField(JavaSource source, String typeName, ClassTree type,
            VariableTree field, List<Signature> signatures) {
        Set<Modifier> modifiers = field.getModifiers().getFlags();
        boolean component = type.getKind() == Tree.Kind.RECORD
                && !modifiers.contains(Modifier.STATIC);
        if (component) {
            signatures.add(new Signature(typeName + ": component " + field.getType() + " "
                    + field.getName(), source.startLine(field)));
        } else if (!modifiers.contains(Modifier.PRIVATE)) {
            signatures.add(new Signature(typeName + ": " + modifiers(modifiers)
                    + field.getType() + " " + field.getName(), source.startLine(field)));
        }
    }

    private static void addMethod(JavaSource source, String type, MethodTree method,
            List<Signature> signatures) {
        Set<Modifier> modifiers = method.getModifiers().getFlags();
        if (modifiers.contains(Modifier.PRIVATE)) {
            return;
        }
        List<String> parameters = new ArrayList<>();
        for (VariableTree parameter : method.getParameters()) {
            parameters.add(parameter.getType().toString());
        }
        StringBuilder text = new StringBuilder(modifiers(modifiers))
                .append(typeParameters(method.getTypeParameters()));
        if (method.getReturnType() != null) {
            text.append(method.getReturnType()).append(' ');
        }
        text.append(method.getName()).append('(').append(String.join(", ", parameters))
                .append(')');
        if (!method.getThrows().isEmpty()) {
            text.append(" throws ").append(joined(method.getThrows()));
        }
        signatures.add(new Signature(type + ": " + text, source.startLine(method)));
    }

    private static String modifiers(Set<Modifier> modifiers) {
        StringBuilder text = new StringBuilder();
        for (Modifier modifier : new TreeSet<>(modifiers)) {
            text.append(modifier).append(' ');
        }
        return text.toString();
    }

    private static String typeParameters(List<? extends TypeParameterTree> parameters) {
        return parameters.isEmpty() ? "" : "<" + joined(parameters) + "> ";
    }

    private static String joined(List<? extends Tree> trees) {
        return trees.stream().map(Tree::toString).collect(Collectors.joining(", "));
    }
}
