using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    initiative_from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    initiative_key = table.Column<Guid>(type: "uuid", nullable: true),
                    initiative_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    initiative_to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    related_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    related_plan_version = table.Column<int>(type: "integer", nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_history_development_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "development_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_history_users_by",
                        column: x => x.by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_history_by",
                table: "plan_history",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_plan_history_plan_id_id",
                table: "plan_history",
                columns: new[] { "plan_id", "id" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_history");
        }
    }
}
