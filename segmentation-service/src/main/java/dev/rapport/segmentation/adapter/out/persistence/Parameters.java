package dev.rapport.segmentation.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The parameters of one statement inside a prepared text that may hold other statements before it: a
 * binder numbers its parameters from 1, they are set at their place in the whole text.
 */
public final class Parameters {

    private final PreparedStatement statement;
    private final int offset;
    private int highest;

    Parameters(PreparedStatement statement, int offset) {
        this.statement = statement;
        this.offset = offset;
    }

    /** Binds {@code binder}'s parameters after {@code offset} others; returns the offset past the highest it set. */
    static int bind(PreparedStatement statement, int offset, Jdbc.Binder binder) throws SQLException {
        Parameters parameters = new Parameters(statement, offset);
        binder.bind(parameters);
        return offset + parameters.highest;
    }

    private int at(int index) {
        highest = Math.max(highest, index);
        return offset + index;
    }

    public void setObject(int index, Object value) throws SQLException {
        statement.setObject(at(index), value);
    }

    public void setString(int index, String value) throws SQLException {
        statement.setString(at(index), value);
    }

    public void setLong(int index, long value) throws SQLException {
        statement.setLong(at(index), value);
    }

    public void setInt(int index, int value) throws SQLException {
        statement.setInt(at(index), value);
    }

    public void setBoolean(int index, boolean value) throws SQLException {
        statement.setBoolean(at(index), value);
    }

    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        statement.setBigDecimal(at(index), value);
    }

    public void setTimestamp(int index, Timestamp value) throws SQLException {
        statement.setTimestamp(at(index), value);
    }

    /** Binds {@code values} as an SQL array of {@code type} (the element type's name, e.g. uuid, int4). */
    public void setArray(int index, String type, Object[] values) throws SQLException {
        statement.setArray(at(index), statement.getConnection().createArrayOf(type, values));
    }

    /** Binds one column of {@code rows} as an SQL array of {@code type}. */
    public <T> void setArray(int index, String type, Collection<T> rows, Function<? super T, ?> column)
            throws SQLException {
        setArray(index, type, rows.stream().map(column).toArray());
    }

    /**
     * As {@link #setArray(int, String, Collection, Function)}, the values in an array of their own class
     * ({@code elements}): the driver chooses the elements' encoding by it.
     */
    public <T, E> void setArray(int index, String type, Collection<T> rows, Function<? super T, ? extends E> column,
            IntFunction<E[]> elements) throws SQLException {
        setArray(index, type, rows.stream().map(column).toArray(elements));
    }
}
