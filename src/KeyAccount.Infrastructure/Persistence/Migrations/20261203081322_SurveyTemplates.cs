using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_templates_survey_templates_previous_version_id",
                        column: x => x.previous_version_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_templates_users_published_by",
                        column: x => x.published_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_campaign_id",
                table: "survey_followups",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_templates_lineage_id_template_version",
                table: "survey_templates",
                columns: new[] { "lineage_id", "template_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_templates_published_by",
                table: "survey_templates",
                column: "published_by");

            migrationBuilder.CreateIndex(
                name: "ix_survey_templates_status_updated_at",
                table: "survey_templates",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ux_survey_templates_previous_version",
                table: "survey_templates",
                column: "previous_version_id",
                unique: true,
                filter: "previous_version_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_survey_campaigns_survey_templates_template_id",
                table: "survey_campaigns",
                column: "template_id",
                principalTable: "survey_templates",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_survey_followups_survey_campaigns_campaign_id",
                table: "survey_followups",
                column: "campaign_id",
                principalTable: "survey_campaigns",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_survey_campaigns_survey_templates_template_id",
                table: "survey_campaigns");

            migrationBuilder.DropForeignKey(
                name: "fk_survey_followups_survey_campaigns_campaign_id",
                table: "survey_followups");

            migrationBuilder.DropTable(
                name: "survey_templates");

            migrationBuilder.DropIndex(
                name: "ix_survey_followups_campaign_id",
                table: "survey_followups");
        }
    }
}
