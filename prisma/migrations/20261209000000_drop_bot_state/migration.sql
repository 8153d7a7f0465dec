-- The bot keeps no conversation state of its own (every draft and decision is a row of its own table), so teams-ai
-- runs without storage and no turn reads BotState any more (docs/decisions/0008-turn-cost.md).
DROP TABLE "BotState";
