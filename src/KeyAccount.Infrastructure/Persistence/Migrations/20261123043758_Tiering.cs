using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Tiering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- Seam for tiering and health: the latest account NPS (-100..100) per account. Until the Surveys
                -- capability replaces this view, no account has one, and satisfaction scores the neutral 50.
                CREATE VIEW account_satisfaction AS
                SELECT NULL::uuid AS account_id, NULL::integer AS nps WHERE false;
                """);
            migrationBuilder.CreateTable(
                name: "tier_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    cutoff_strategic = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    cutoff_key = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    cutoff_growth = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    strategic_cap = table.Column<int>(type: "integer", nullable: true),
                    hysteresis_margin = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: true),
                    programme = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tier_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tiering_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_number = table.Column<int>(type: "integer", nullable: false),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    started_by = table.Column<Guid>(type: "uuid", nullable: true),
                    run_date = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    strategic_count = table.Column<int>(type: "integer", nullable: false),
                    key_count = table.Column<int>(type: "integer", nullable: false),
                    growth_count = table.Column<int>(type: "integer", nullable: false),
                    standard_count = table.Column<int>(type: "integer", nullable: false),
                    changed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tiering_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_tiering_runs_tier_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "tier_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tiering_runs_users_started_by",
                        column: x => x.started_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tier_assignments",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    previous_tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    new_tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    n_trailing_revenue = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_revenue_growth = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_gross_margin = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_strategic_fit = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_potential_value = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_relationship_length = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    n_satisfaction = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tier_assignments", x => new { x.run_id, x.account_id });
                    table.ForeignKey(
                        name: "fk_tier_assignments_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tier_assignments_tiering_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "tiering_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tier_assignments_account_id",
                table: "tier_assignments",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_tier_policies_number",
                table: "tier_policies",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tier_policies_published",
                table: "tier_policies",
                column: "status",
                unique: true,
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_tiering_runs_policy_id",
                table: "tiering_runs",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_tiering_runs_started_at",
                table: "tiering_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_tiering_runs_started_by",
                table: "tiering_runs",
                column: "started_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS account_satisfaction;");
            migrationBuilder.DropTable(
                name: "tier_assignments");

            migrationBuilder.DropTable(
                name: "tiering_runs");

            migrationBuilder.DropTable(
                name: "tier_policies");
        }
    }
}
