using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintInitiativeLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "initiative_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "plan_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "initiative_id",
                table: "complaint_timeline",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "plan_id",
                table: "complaint_timeline",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_initiative_id",
                table: "complaints",
                column: "initiative_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_plan_id",
                table: "complaints",
                column: "plan_id");

            migrationBuilder.AddForeignKey(
                name: "fk_complaints_development_plans_plan_id",
                table: "complaints",
                column: "plan_id",
                principalTable: "development_plans",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_complaints_plan_initiative_initiative_id",
                table: "complaints",
                column: "initiative_id",
                principalTable: "plan_initiatives",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_complaints_development_plans_plan_id",
                table: "complaints");

            migrationBuilder.DropForeignKey(
                name: "fk_complaints_plan_initiative_initiative_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_initiative_id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_plan_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "initiative_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "initiative_id",
                table: "complaint_timeline");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "complaint_timeline");
        }
    }
}
