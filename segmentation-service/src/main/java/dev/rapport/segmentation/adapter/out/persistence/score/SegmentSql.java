package dev.rapport.segmentation.adapter.out.persistence.score;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.domain.score.Segment;

/** The domain's (R, F) → segment table as a SQL CASE, generated from {@link Segment#of(int, int)}. */
public final class SegmentSql {

    private SegmentSql() {
    }

    public static String caseOf(String r, String f) {
        StringBuilder sql = new StringBuilder("CASE ").append(r).append(" * 10 + ").append(f);
        for (int ri = 1; ri <= 5; ri++) {
            for (int fi = 1; fi <= 5; fi++) {
                sql.append(" WHEN ").append(ri * 10 + fi).append(" THEN '")
                        .append(WireNames.of(Segment.of(ri, fi))).append('\'');
            }
        }
        return sql.append(" END").toString();
    }
}
