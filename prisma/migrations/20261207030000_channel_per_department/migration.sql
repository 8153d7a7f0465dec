-- Post approval channels per department (issue 11, POST-6): a keyed binding "post_approval:<departmentId>"
-- names its department. Existing bindings keep their key and serve every department (departmentId null).
ALTER TABLE "ChannelBinding" ADD COLUMN "departmentId" TEXT;
