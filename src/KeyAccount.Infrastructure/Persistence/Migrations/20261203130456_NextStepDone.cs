using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NextStepDone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_next_step_due",
                table: "interactions");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_step_done_at",
                table: "interactions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "next_step_done_by",
                table: "interactions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_interactions_next_step_done_by",
                table: "interactions",
                column: "next_step_done_by");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_next_step_due",
                table: "interactions",
                column: "next_step_due",
                filter: "next_step_due IS NOT NULL AND next_step_done_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_interactions_users_next_step_done_by",
                table: "interactions",
                column: "next_step_done_by",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_interactions_users_next_step_done_by",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_next_step_done_by",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_next_step_due",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "next_step_done_at",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "next_step_done_by",
                table: "interactions");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_next_step_due",
                table: "interactions",
                column: "next_step_due",
                filter: "next_step_due IS NOT NULL");
        }
    }
}
