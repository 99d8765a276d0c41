using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reference_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    label_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    label_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_items", x => x.id);
                    table.CheckConstraint("ck_reference_items_code_lower", "code = lower(code)");
                });

            migrationBuilder.CreateIndex(
                name: "ux_reference_items_kind_code",
                table: "reference_items",
                columns: new[] { "kind", "code" },
                unique: true);

            // Industry, region and segment were free text; they become codes of these lists without losing a value.
            migrationBuilder.Sql(
                """
                -- The lists' first entries: the values the product shipped with, with their zh-CN and en labels.
                INSERT INTO reference_items (id, kind, code, label_zh, label_en, sort_order, is_active, created_at, updated_at)
                SELECT gen_random_uuid(), v.kind, v.code, v.zh, v.en, v.ord, TRUE, now(), now()
                FROM (VALUES
                    ('Industry', 'manufacturing', '制造业', 'Manufacturing', 10),
                    ('Industry', 'automotive', '汽车', 'Automotive', 20),
                    ('Industry', 'electronics', '电子', 'Electronics', 30),
                    ('Industry', 'pharmaceuticals', '医药', 'Pharmaceuticals', 40),
                    ('Industry', 'logistics', '物流', 'Logistics', 50),
                    ('Industry', 'energy', '能源', 'Energy', 60),
                    ('Industry', 'food-beverage', '食品饮料', 'Food & Beverage', 70),
                    ('Industry', 'chemicals', '化工', 'Chemicals', 80),
                    ('Industry', 'retail', '零售', 'Retail', 90),
                    ('Industry', 'construction', '建筑', 'Construction', 100),
                    ('Region', 'east-china', '华东', 'East China', 10),
                    ('Region', 'south-china', '华南', 'South China', 20),
                    ('Region', 'north-china', '华北', 'North China', 30),
                    ('Region', 'central-china', '华中', 'Central China', 40),
                    ('Region', 'southwest', '西南', 'Southwest', 50),
                    ('Region', 'northeast', '东北', 'Northeast', 60),
                    ('Region', 'northwest', '西北', 'Northwest', 70),
                    ('Region', 'overseas', '海外', 'Overseas', 80),
                    ('Segment', 'enterprise', '大型企业', 'Enterprise', 10),
                    ('Segment', 'mid-market', '中型企业', 'Mid-Market', 20),
                    ('Segment', 'distributor', '经销商', 'Distributor', 30),
                    ('Segment', 'government', '政府机构', 'Government', 40),
                    ('Segment', 'oem', '主机厂（OEM）', 'OEM', 50)
                ) AS v(kind, code, zh, en, ord);

                -- The entry a free-text value stands for: its code in any case, its English label in any case, or its Chinese label.
                CREATE FUNCTION pg_temp.reference_code(p_kind text, p_value text) RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT r.code FROM reference_items r
                    WHERE r.kind = p_kind
                      AND (r.code = lower(btrim(p_value)) OR lower(r.label_en) = lower(btrim(p_value)) OR r.label_zh = btrim(p_value))
                    ORDER BY r.code = lower(btrim(p_value)) DESC, lower(r.label_en) = lower(btrim(p_value)) DESC, r.code
                    LIMIT 1
                $$;

                -- Every value in use that no entry stands for becomes an entry of its own, its text as both labels (nothing is lost;
                -- an Admin translates it later). Values differing only in case or surrounding spaces are one entry. Its code is the
                -- text made a code (ASCII letters and digits joined by hyphens) when that is free and unambiguous, otherwise
                -- "legacy-" and a hash of the text (Chinese text has no ASCII letters).
                WITH used AS (
                    SELECT 'Industry' AS kind, industry AS value FROM accounts
                    UNION SELECT 'Region', region FROM accounts
                    UNION SELECT 'Segment', segment FROM accounts
                    UNION SELECT 'Industry', jsonb_array_elements_text(CASE WHEN jsonb_typeof(audience -> 'industries') = 'array' THEN audience -> 'industries' ELSE '[]' END) FROM survey_campaigns
                    UNION SELECT 'Region', jsonb_array_elements_text(CASE WHEN jsonb_typeof(audience -> 'regions') = 'array' THEN audience -> 'regions' ELSE '[]' END) FROM survey_campaigns
                    UNION SELECT 'Segment', jsonb_array_elements_text(CASE WHEN jsonb_typeof(audience -> 'segments') = 'array' THEN audience -> 'segments' ELSE '[]' END) FROM survey_campaigns
                ), unknown AS (
                    SELECT DISTINCT ON (kind, lower(btrim(value))) kind, left(btrim(value), 100) AS label, lower(btrim(value)) AS key
                    FROM used
                    WHERE btrim(value) <> '' AND pg_temp.reference_code(kind, value) IS NULL
                    ORDER BY kind, lower(btrim(value)), value
                ), slugged AS (
                    SELECT kind, label, key, btrim(left(btrim(regexp_replace(key, '[^a-z0-9]+', '-', 'g'), '-'), 50), '-') AS slug FROM unknown
                ), coded AS (
                    SELECT s.kind, s.label, s.key,
                           CASE WHEN s.slug <> '' AND count(*) OVER (PARTITION BY s.kind, s.slug) = 1
                                     AND NOT EXISTS (SELECT 1 FROM reference_items r WHERE r.kind = s.kind AND r.code = s.slug)
                                THEN s.slug ELSE 'legacy-' || left(md5(s.kind || ':' || s.key), 12) END AS code
                    FROM slugged s
                )
                INSERT INTO reference_items (id, kind, code, label_zh, label_en, sort_order, is_active, created_at, updated_at)
                SELECT gen_random_uuid(), kind, code, label, label, 1000 + row_number() OVER (PARTITION BY kind ORDER BY label), TRUE, now(), now()
                FROM coded;

                -- Accounts and campaign audiences now store codes.
                UPDATE accounts SET industry = pg_temp.reference_code('Industry', industry) WHERE industry IS DISTINCT FROM pg_temp.reference_code('Industry', industry);
                UPDATE accounts SET region = pg_temp.reference_code('Region', region) WHERE region IS DISTINCT FROM pg_temp.reference_code('Region', region);
                UPDATE accounts SET segment = pg_temp.reference_code('Segment', segment) WHERE segment IS DISTINCT FROM pg_temp.reference_code('Segment', segment);
                UPDATE survey_campaigns c SET audience = c.audience
                    || jsonb_build_object('industries', COALESCE((SELECT jsonb_agg(DISTINCT pg_temp.reference_code('Industry', v)) FROM jsonb_array_elements_text(c.audience -> 'industries') v WHERE btrim(v) <> ''), '[]'::jsonb))
                    || jsonb_build_object('regions', COALESCE((SELECT jsonb_agg(DISTINCT pg_temp.reference_code('Region', v)) FROM jsonb_array_elements_text(c.audience -> 'regions') v WHERE btrim(v) <> ''), '[]'::jsonb))
                    || jsonb_build_object('segments', COALESCE((SELECT jsonb_agg(DISTINCT pg_temp.reference_code('Segment', v)) FROM jsonb_array_elements_text(c.audience -> 'segments') v WHERE btrim(v) <> ''), '[]'::jsonb))
                WHERE jsonb_typeof(c.audience -> 'industries') = 'array' AND jsonb_typeof(c.audience -> 'regions') = 'array' AND jsonb_typeof(c.audience -> 'segments') = 'array';

                DROP FUNCTION pg_temp.reference_code(text, text);

                -- The first tier policy was named after the design document; its name is read by users in both languages.
                UPDATE tier_policies SET name = '默认分级策略 / Default tier policy' WHERE name = 'Default (design §1.2)';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                -- Back to free text: each account gets the English label of its entry.
                UPDATE accounts a SET industry = r.label_en FROM reference_items r WHERE r.kind = 'Industry' AND r.code = a.industry;
                UPDATE accounts a SET region = r.label_en FROM reference_items r WHERE r.kind = 'Region' AND r.code = a.region;
                UPDATE accounts a SET segment = r.label_en FROM reference_items r WHERE r.kind = 'Segment' AND r.code = a.segment;
                """);

            migrationBuilder.DropTable(
                name: "reference_items");
        }
    }
}
