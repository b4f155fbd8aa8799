// Generated from /api/openapi.json by `npm run gen:api`. Do not edit: change the backend schema and regenerate.
export interface paths {
    "/api/analytics/ai-agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The AI's advance proposals against the human decisions on the same interviews */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiAgreement"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations, bookings and completions per China day (default: the last 30 days) */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Daily"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/drop-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per stage: still waiting, rejected or withdrawn there, and the drop rate */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DropOff"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funnel per stage with the conversion from the stage before */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FunnelStage"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/rejection-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rejections per standardized feedback code */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RejectionReason"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/stage-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hours in each stage and from a completed interview to the decision: n, median, p90 */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StageTimes"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{answer_id}/ai-score-audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        /** Every AI score the answer received: input hash, scorer and config version, output, time */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AiScoreAudit"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{answer_id}/human-scores": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        /** Every human score of the answer with its revisions, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HumanScore"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Score the answer (overall and/or per competency); scoring it again is a new revision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnswerScore"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HumanScore"];
                    };
                };
                /** @description A competency the question does not measure, a score outside 0–100, or no score */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{answer_id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        /** Short-lived signed URLs to the answer's recorded segments (every access is logged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerMedia"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{answer_id}/rescore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score the answer again with the current scorer; the old score stays in the audit trail with its version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Rescore"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RescoreQueued"];
                    };
                };
                /** @description Still being scored, AI evaluation declined, or the application decided or released */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List applications, filtered by job and state */
        get: {
            parameters: {
                query?: {
                    job_id?: string;
                    /** @description only invitations not booked within 24 h */
                    overdue?: boolean;
                    page?: number;
                    page_size?: number;
                    state?: "applied" | "screened" | "invited" | "booked" | "in_progress" | "completed" | "scored" | "advanced" | "rejected" | "hired" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationListItem"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Apply a candidate (existing or new) to a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApplicationCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationListItem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** An application with its answers: transcripts, scores, evidence, and its event timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/accommodation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Grant extra think/answer time, retakes or window to this candidate (logged, with the reason) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Accommodation"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accommodation"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a human decision (advance, reject, hire, ...) with its reason, and tell the candidate
         * @description A rejection message carries one standardized feedback text (`feedback_code`), never the internal reason;
         *     an advance message names the next round and its time. `notify: false` records the decision silently.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DecisionResult"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** The application's documents with extracted fields and the match against the job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentDetail"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Upload a résumé (or diploma, certificate) for the candidate; it is read in the background */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["DocumentFile"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentDetail"];
                    };
                };
                /** @description Not a PDF, DOCX or image */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/documents/{document_id}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                document_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct parsed résumé fields; kept beside the parse (audited), used by the match, kept across re-parses */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                    document_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Corrections"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentDetail"];
                    };
                };
                /** @description Not a parsed résumé */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/applications/{application_id}/human-scores": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** Every human score of the interview and of its answers, with revisions, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HumanScore"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Score the whole interview per competency; scoring it again is a new revision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InterviewScore"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HumanScore"];
                    };
                };
                /** @description The interview is not finished yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A competency the job does not have, or a score outside 0–100 */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/invitation/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** The live invitation's WeChat QR code (it opens this candidate's interview: share it only with them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PNG */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": unknown;
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite the candidate (a new link; earlier links stop working) and send them the invitation message */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["InviteOptions"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Put the application under legal hold: no erasure and no retention purge until cleared (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHoldState"];
                    };
                };
                /** @description The candidate's data was erased */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        /** Clear the legal hold (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHoldState"];
                    };
                };
                /** @description Not under legal hold */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** The application's notifications, newest first, with every delivery attempt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Outbox"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/nudge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remind an invited candidate to book (at most once a day) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Nudge"];
                    };
                };
                /** @description The candidate has booked already, or was nudged today */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/release-result": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release the decision and the feedback report to the candidate (after a human decision) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Result"];
                    };
                };
                /** @description No human decision yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        /** The candidate's requests for explanation, human review or deletion */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Request"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/requests/{request_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                request_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the candidate's explanation or human-review request in writing (kept, and sent to the candidate) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                    request_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RequestAnswer"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Request"];
                    };
                };
                /** @description No such request for this application */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request has already been answered */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/requests/{request_id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                request_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Carry out a deletion request: erase the candidate's personal data and stored files now (admin; re-runnable) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    application_id: string;
                    request_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProcessedDeletion"];
                    };
                };
                /** @description No such request for this application */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Under legal hold (the reason is in the message) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/bulk-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite many applications at once; each gets its own result (one refusal does not stop the rest) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BulkInvite"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkInviteResult"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search applications by the candidate's name, phone or e-mail (in the body: no personal data in URLs) */
        post: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApplicationSearch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationListItem"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in as an HR user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Token"];
                    };
                };
                /** @description Wrong e-mail or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Too many failed sign-ins (per account and per address); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the current token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The HR user behind the token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HrUser"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my name or my password (with the current one; my other sessions end) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MyAccount"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HrUser"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/auth/set-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set my password with the one-time code an admin gave me, and log in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetPassword"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Token"];
                    };
                };
                /** @description Invalid, used or expired code */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/answers/{answer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        /** The status of one of my answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerStatus"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/answers/{answer_id}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one recorded segment in a single request (the resumable protocol is at /api/uploads/) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    answer_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["SegmentFile"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerStatus"];
                    };
                };
                /** @description Time over, segment already uploaded, or the answer is submitted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not an audio or video recording */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My active booking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description No active booking */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Book a slot (or the open window): 待预约 → 待面试 */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A client-chosen unique key (e.g. a UUID). Retrying with the same key replays the first successful response (header Idempotent-Replayed: true); the same key with a different body is 422. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BookRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Slot full, already booked, overlaps a busy time, or not bookable now */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Cancel my booking (the seat is freed; back to 待预约) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No booking to cancel */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/booking.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My booking as a calendar file (.ics): the slot, or the open window's deadline, with a reminder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The booking as an iCalendar event (text/calendar) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description No active booking */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/booking/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move my booking to another slot */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A client-chosen unique key (e.g. a UUID). Retrying with the same key replays the first successful response (header Idempotent-Replayed: true); the same key with a different body is 422. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RescheduleRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Past the cut-off, no reschedules left, or the new slot is full */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/busy-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The times I declared busy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusyTimes"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Replace the times I am busy (attendance, calendar); slots overlapping them are not offered */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BusyTimes"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusyTimes"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current notices (including "about the AI") and whether I have agreed to each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consents"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Give, refuse or withdraw one consent (each kind separately; refusing AI means human-only review) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsentChoice"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consents"];
                    };
                };
                /** @description The notice changed since it was read */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/device-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check my camera/microphone with a few seconds of recording: level, clipping, speech, readability */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["SegmentFile"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceCheck"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My résumé and supplementary materials, and whether they could be read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentStatus"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Upload my résumé or a supplementary document (diploma, certificate) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["DocumentFile"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentStatus"];
                    };
                };
                /** @description Not a PDF, DOCX or image */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/interview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My interview: its questions and the status of my answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyInterview"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/interview/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish my interview once every question has an answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyInterview"];
                    };
                };
                /** @description Questions still unanswered, or the interview is not in progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My messages: unread first, then newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/messages/{message_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my messages read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description No such message of mine */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/questions/{question_id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a question (or a retake): its text is released now and the recording window begins */
        post: {
            parameters: {
                query?: {
                    /** @description overlapping: the next segment starts before the last one stops (browser MediaRecorder), so segments are short and each is recognised as it lands; camera: the recorder must stop and restart at each cut (mini-program camera), which loses a moment of speech, so it is told the longest segment (120 s) and cuts rarely */
                    recorder?: "overlapping" | "camera";
                };
                header?: never;
                path: {
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartedQuestion"];
                    };
                };
                /** @description No retakes left, or the interview is not open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for an explanation of my evaluation, a human review, or the deletion of my data */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Request"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My result (通过 / 未通过) and my feedback report, once HR has released them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyResult"];
                    };
                };
                /** @description Not released yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange an invitation token for a candidate token scoped to that application */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SessionRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Unknown, revoked or expired invitation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I can book: future slots with a free seat that fit my busy times, or the open window */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Options"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My application's stage (待预约 / 待面试 / 面试中 / 已完成 …) with its timeline and my requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Status"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscribe templates to request (their WeChat ids) and my credits for each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Credit"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Report what wx.requestSubscribeMessage answered for one template (an accept allows one message) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionReport"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Credit"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/wechat/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a wx.login code (and, the first time, the invitation token); earlier tokens stop working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WeChatLogin"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WeChatSession"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Too many sign-in attempts */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidate/wechat/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save my phone number from the getPhoneNumber button's code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Phone"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PhoneResult"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List candidates, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Add a candidate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Candidate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidates/{candidate_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        /** One candidate */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    candidate_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Candidate"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My organization's day: today's interviews, answers to review, overdue candidates, the funnel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Home"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deletion-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's open deletion requests, oldest first, with their due dates (overdue flagged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeletionRequest"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/analytics.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every analytics table (funnel, drop-off, stage times, rejection reasons, AI agreement, daily) as one workbook */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an .xlsx workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/applications.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application list (filtered by job, state and creation days) as an Excel workbook */
        get: {
            parameters: {
                query?: {
                    /** @description first China day (YYYY-MM-DD) of the applications' creation */
                    date_from?: string;
                    /** @description last China day, inclusive; at most 366 days after date_from */
                    date_to?: string;
                    /** @description one job of the organization (default: all) */
                    job_id?: string;
                    state?: "applied" | "screened" | "invited" | "booked" | "in_progress" | "completed" | "scored" | "advanced" | "rejected" | "hired" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an .xlsx workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's jobs, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Create a job, optionally with its questions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JobCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobDetail"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** A job with its questions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobDetail"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a job (or close it with status=closed) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JobUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobDetail"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/jobs/{job_id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** AI–human agreement per competency: Spearman ρ, ICC(2,1), weighted κ on five bands, mean bias, with n */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agreement"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/calibrations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** Every fitted weight version of the job, newest first, adopted or not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalibrationVersion"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Fit weights to human scores on part of the interviews; adopted only if held-out agreement improves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CalibrationRun"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalibrationVersion"];
                    };
                };
                /** @description Not enough interviews scored by both the AI and a human */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/key-phrase-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Key phrases to pick for a rubric point: its own words, their synonyms, the job description's terms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SuggestionRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Suggestions"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** The job's questions in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Add a question */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/questions/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
                question_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a question that has no answers yet */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        /** Change a question */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuestionUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/jobs/{job_id}/questions/order": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Reorder the job's questions (positions become 1..n in the given order) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuestionOrder"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/schedule-policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** How the job's candidates schedule (the defaults until set) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Policy"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Set the scheduling policy: slots or an open window, reschedule cut-off and maximum */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Policy"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** The job's applications ranked by résumé match, with reasons, and the proposed interview pool (HR invites) */
        get: {
            parameters: {
                query?: {
                    /** @description propose everyone at or above this score instead */
                    threshold?: number;
                    /** @description propose the top N % (default: the job's interview_pool_top_percent, 30) */
                    top_percent?: number;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Screening"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/screening/rematch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match every parsed résumé again with the job's current requirements, weights and synonyms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rematch"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** The job's interview slots in time order, with seats booked */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                    starts_after?: string;
                    starts_before?: string;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Slot"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Offer a slot: start, end (ISO 8601 with offset), capacity, online or onsite */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A client-chosen unique key (e.g. a UUID). Retrying with the same key replays the first successful response (header Idempotent-Replayed: true); the same key with a different body is 422. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Slot"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Slot"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/slots/{slot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
                slot_id: string;
            };
            cookie?: never;
        };
        /** A slot with its active bookings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                    slot_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlotDetail"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        /** Delete a slot nobody has booked */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                    slot_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The slot has bookings */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        /** Change a slot (a booked slot keeps its times; capacity never drops below the seats booked) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                    slot_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SlotUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Slot"];
                    };
                };
                /** @description Capacity below the seats booked, or moving a booked slot */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/jobs/{job_id}/slots/day": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        /** One China day of the job's slots, each with who booked it (the day view) */
        get: {
            parameters: {
                query: {
                    /** @description a China day, YYYY-MM-DD */
                    date: string;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlotDetail"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My documents and what OCR read from them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingDocument"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /**
         * Upload a photo or scan (ID card both sides, diploma, degree, bank card, medical report, resignation
         *     certificate); it is read on the `ocr` queue
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["OnboardDocumentFile"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingDocument"];
                    };
                };
                /** @description larger than 15 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description not an image or PDF */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        /** One of my documents (poll until it is read or asks for a retake) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    document_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingDocument"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/documents/{document_id}/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the OCR result shown (a mismatch with the typed value stays flagged for HR) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    document_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingDocument"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/first-week.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My first week as a calendar file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description iCalendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": unknown;
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form, pre-filled fields marked (the employee sees their own values in full) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Form"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Confirm pre-filled fields and fill or correct the rest; every field is checked before anything is saved */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FormSubmit"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Form"];
                    };
                };
                /** @description field errors (ID number, bank card, phone ...); nothing was saved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Welcome: start date, place, manager, mentor and how far the checklist is */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Welcome"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages about my onboarding (offer, reminders, mentor), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardMessage"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Policies to read (current versions) and whether I acknowledged them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyView"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/policies/{policy_id}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a policy: the version and the hash of the text read are recorded with the time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    policy_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Acknowledge"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyView"];
                    };
                };
                /** @description the text changed since it was loaded */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with the case from the offer link and the one-time code from HR */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OnboardSessionRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardSession"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/start-date/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the start date (HRIS and attendance systems are told) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Welcome"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The checklist: every task with owner, due date and whether it is done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/tasks/{task_id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my own manual tasks done */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboard/training": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Courses suggested for my first months (no scores) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EmployeeCourse"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases by stage, with progress, overdue tasks and documents whose OCR disagrees with the typed values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Board"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        /**
         * One case: employee, form (sensitive values masked), documents with OCR comparison, tasks, policies read,
         *     training suggestions with their reasons, webhook deliveries
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseDetail"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the case (the employee has started); HRIS receives `onboarding.completed` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseSummary"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/documents/{document_id}/url": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
                document_id: string;
            };
            cookie?: never;
        };
        /** A short-lived signed URL to the document photo (every access is logged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                    document_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentUrl"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/first-week.ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        /** The hire's first week as an iCalendar file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description iCalendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": unknown;
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/login-code": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new one-time sign-in code for the employee (the earlier one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingLogin"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/mentor": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Confirm the hire's mentor; both are notified */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MentorChoice"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseSummary"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/mentor-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        /** Mentors with free capacity for this hire, best first, with the reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MentorSuggestion"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The full value of one sensitive field (ID number, bank card, address); logged with who and why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Reveal"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Revealed"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/cases/{case_id}/tasks/{task_id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
                task_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done (HR, IT and manager tasks; or an employee task HR handled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's course catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Course"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Add a course for a competency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Course"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Course"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/courses/{course_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                course_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Change a course */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    course_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Course"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Course"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        /** Remove a course from the catalogue */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    course_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Employees (hires and the colleagues HR marked as mentors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Employee"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Add a colleague (e.g. a willing mentor with department, location, skills and capacity) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Employee"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/employees/{employee_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                employee_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Change an employee; mark or unmark them as a mentor */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employee_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Employee"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every case of the organization as CSV (no ID or bank card numbers) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (UTF-8 with BOM, opens in Excel) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": unknown;
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current version of each policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingPolicy"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Publish a policy, or a new version of one (employees acknowledge the new text) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OnboardingPolicy"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OnboardingPolicy"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checklist templates (per job, per department, or the default) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Add a checklist template; new cases of its job or department use it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Change a template (cases already opened keep their tasks) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    template_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook receivers (secrets are never shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Register a receiver; the response carries its signing secret, this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/onboarding/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event sent to the receivers, with its attempts (failed ones are marked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per stage (待预约 / 待面试 / 面试中 / 已完成 …) and how many invitations are overdue */
        get: {
            parameters: {
                query?: {
                    job_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who invited, changed or deactivated whom, newest first (admins only) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        "X-Pagination": components["headers"]["PAGINATION"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"][];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The HR users of my organization (never their passwords) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HrUser"][];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Invite a colleague: they get a one-time link (valid 72 h) to set their password (admins only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitedMember"];
                    };
                };
                /** @description The e-mail is taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member's role, or deactivate / reactivate them (admins only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HrUser"];
                    };
                };
                /** @description The organization would have no active admin */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/api/team/users/{user_id}/setup-link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new one-time set-password link for a member (a lost invitation, a forgotten password); admins only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SetupLink"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Accommodation: {
            /** @default 0 */
            extra_answer_seconds?: number;
            /** @default 0 */
            extra_retakes?: number;
            /** @default 0 */
            extra_think_seconds?: number;
            /** @default 0 */
            extra_window_hours?: number;
            /** Format: date-time */
            readonly granted_at?: string;
            reason: string;
        };
        Acknowledge: {
            text_sha256: string;
            version: string;
        };
        Acknowledgement: {
            /** Format: date-time */
            acknowledged_at?: string;
            policy_key?: string;
            text_sha256?: string;
            title?: string;
            version?: string;
        };
        Agreement: {
            answers?: components["schemas"]["AnswerAgreement"];
            /** @description adopted weights in force, if any */
            calibration_version?: number | null;
            interviews?: components["schemas"]["InterviewAgreement"];
            /** Format: uuid */
            job_id?: string;
            min_pairs?: number;
            version?: string;
        };
        AgreementReport: {
            enough_data?: boolean;
            /** @description pairs left out: one of the two scores missing */
            excluded?: number;
            icc_2_1?: components["schemas"]["Stat"];
            /** @description AI − human */
            mean_bias?: components["schemas"]["Stat"];
            /** @description not enough data: … */
            message?: string | null;
            n?: number;
            spearman_rho?: components["schemas"]["Stat"];
            version?: string;
            weighted_kappa?: components["schemas"]["Stat"];
        };
        AiAgreement: {
            agreed?: number;
            agreement_rate?: number | null;
            /** @description scored interviews with a human decision (shadow mode apart) */
            decided?: number;
            not_proposed_advanced?: number;
            not_proposed_rejected?: number;
            note?: string;
            proposed_advanced?: number;
            proposed_rejected?: number;
            /** @description scored in shadow mode (no proposals made) */
            shadow_mode?: number;
            undecided?: number;
        };
        AiScoreAudit: {
            /** Format: uuid */
            answer_id?: string;
            /** Format: uuid */
            application_id?: string;
            asr_engine?: string | null;
            competency_scores?: {
                [key: string]: number | null;
            };
            config_hash?: string | null;
            content_score?: number | null;
            /** Format: date-time */
            created_at?: string;
            /** @description the scorer's allow-listed features behind the score (input to calibration) */
            features?: {
                [key: string]: number | null;
            };
            /** Format: uuid */
            id?: string;
            input_sha256?: string | null;
            reason?: string | null;
            scorer_version?: string | null;
            status?: string;
            transcript_sha256?: string | null;
        };
        AnswerAgreement: {
            /** @description per competency */
            competencies?: {
                [key: string]: components["schemas"]["AgreementReport"];
            };
            overall?: components["schemas"]["AgreementReport"];
        };
        AnswerAnalysis: {
            /** @description the in-score feature values (0-1); null when a feature does not apply */
            features?: {
                [key: string]: number | null;
            };
            /** @description why the answer is not really an answer (its scores are capped), quoted */
            non_answers?: components["schemas"]["NonAnswer"][];
            /** @description the recogniser's text before homophone correction */
            raw_transcript?: string;
            relevance?: components["schemas"]["Relevance"];
            score_breakdown?: components["schemas"]["ScoreBreakdown"];
            specificity?: components["schemas"]["Specificity"];
            structure?: components["schemas"]["Structure"];
            transcript_corrections?: components["schemas"]["Correction"][];
        };
        AnswerDetail: {
            /** @description STAR parts and connectives with quotes and times, relevance words found and missed, the in-score feature values and the breakdown each score was computed from */
            analysis?: components["schemas"]["AnswerAnalysis"];
            asr_engine?: string | null;
            attempt?: number;
            competency_scores?: {
                [key: string]: number | null;
            };
            config_hash?: string | null;
            content_score?: number | null;
            /** Format: date-time */
            created_at?: string;
            duration_seconds?: number | null;
            evidence?: components["schemas"]["Evidence"][];
            figures?: components["schemas"]["Figures"];
            /** Format: uuid */
            id?: string;
            /** @description face-count flags for human review; never part of a score */
            integrity?: components["schemas"]["Integrity"];
            /** Format: uuid */
            question_id?: string;
            /** Format: date-time */
            record_by?: string;
            recordings?: components["schemas"]["Recording"][];
            /** Format: date-time */
            scored_at?: string | null;
            scorer_version?: string | null;
            segment_count?: number | null;
            segments?: components["schemas"]["Segment"][];
            /** Format: date-time */
            started_at?: string;
            status?: string;
            status_message?: string | null;
            status_reason?: string | null;
            /** Format: date-time */
            submitted_at?: string | null;
            timings?: components["schemas"]["Timings"];
            transcript?: string | null;
        };
        AnswerMedia: {
            expires_in?: number;
            recordings?: components["schemas"]["MediaUrl"][];
        };
        AnswerScore: {
            comment?: string | null;
            /** @description 0–100 per competency the question measures */
            competency_scores?: {
                [key: string]: number;
            };
            /** @description 0–100 for the answer as a whole */
            overall?: number;
        };
        AnswerStatus: {
            attempt?: number;
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            id?: string;
            /** Format: uuid */
            question_id?: string;
            /** Format: date-time */
            record_by?: string;
            segment_count?: number | null;
            /** Format: date-time */
            started_at?: string;
            status?: string;
            status_message?: string | null;
            status_reason?: string | null;
            /** Format: date-time */
            submitted_at?: string | null;
        };
        ApplicationCreate: {
            candidate?: components["schemas"]["Candidate"];
            /** Format: uuid */
            candidate_id?: string;
            /** Format: uuid */
            job_id: string;
        };
        ApplicationDetail: {
            answers?: components["schemas"]["AnswerDetail"][];
            candidate?: components["schemas"]["Candidate"];
            /** Format: uuid */
            readonly candidate_id?: string;
            consents?: {
                [key: string]: boolean;
            };
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: date-time
             * @description the candidate's personal data was erased
             */
            readonly erased_at?: string | null;
            events?: components["schemas"]["Event"][];
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            job_id: string;
            job_title?: string;
            /** Format: date-time */
            readonly legal_hold_at?: string | null;
            /** @description set: a legal hold blocks erasure and retention purges */
            readonly legal_hold_reason?: string | null;
            /**
             * Format: date-time
             * @description recordings removed after their retention period
             */
            readonly media_purged_at?: string | null;
            overdue?: boolean;
            questions?: components["schemas"]["QuestionBrief"][];
            result?: (Record<string, never> | null) | components["schemas"]["InterviewResult"];
            readonly state?: string;
            state_label?: string;
            /** Format: date-time */
            readonly transcripts_purged_at?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        ApplicationListItem: {
            candidate?: components["schemas"]["Candidate"];
            /** Format: uuid */
            readonly candidate_id?: string;
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: date-time
             * @description the candidate's personal data was erased
             */
            readonly erased_at?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            job_id: string;
            job_title?: string;
            /** Format: date-time */
            readonly legal_hold_at?: string | null;
            /** @description set: a legal hold blocks erasure and retention purges */
            readonly legal_hold_reason?: string | null;
            /**
             * Format: date-time
             * @description recordings removed after their retention period
             */
            readonly media_purged_at?: string | null;
            overdue?: boolean;
            readonly state?: string;
            state_label?: string;
            /** Format: date-time */
            readonly transcripts_purged_at?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        ApplicationSearch: {
            /** Format: uuid */
            job_id?: string;
            /** @description only invitations not booked within 24 h */
            overdue?: boolean;
            /** @description part of the candidate's name, phone or e-mail */
            q?: string;
            /** @enum {string} */
            state?: "applied" | "screened" | "invited" | "booked" | "in_progress" | "completed" | "scored" | "advanced" | "rejected" | "hired" | "withdrawn";
        };
        Attempt: {
            alert?: boolean;
            at?: string;
            channel?: string;
            errcode?: number | null;
            error?: string | null;
            field?: string | null;
            ref?: string | null;
            result?: string;
        };
        Board: {
            cases?: components["schemas"]["CaseSummary"][];
            mismatched_documents?: number;
            overdue_tasks?: number;
            stages?: components["schemas"]["BoardStage"][];
        };
        BoardStage: {
            count?: number;
            label?: string;
            stage?: string;
        };
        Booking: {
            /** Format: uuid */
            application_id?: string;
            /** Format: date-time */
            created_at?: string;
            /**
             * Format: date-time
             * @description open window: complete by then
             */
            deadline_at?: string | null;
            /**
             * Format: date-time
             * @description deadline_at in Asia/Shanghai, for display
             */
            readonly deadline_at_display?: string | null;
            /** Format: date-time */
            ends_at?: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            format?: string | null;
            /** Format: uuid */
            id?: string;
            /** @description slot | open_window */
            kind?: string;
            location?: string | null;
            /** Format: date-time */
            reschedulable_until?: string | null;
            /**
             * Format: date-time
             * @description reschedulable_until in Asia/Shanghai, for display
             */
            readonly reschedulable_until_display?: string | null;
            reschedule_count?: number;
            reschedules_left?: number;
            /** Format: uuid */
            slot_id?: string | null;
            /** Format: date-time */
            starts_at?: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
            status?: string;
        };
        BookRequest: {
            /**
             * Format: uuid
             * @description required for slot jobs; omit it for an open window
             * @default null
             */
            slot_id?: string | null;
        };
        BulkInvite: {
            application_ids: string[];
            /**
             * @description send each candidate the invitation message
             * @default true
             */
            notify?: boolean;
            /**
             * @description also make each invitation's WeChat QR code (one WeChat call per candidate)
             * @default false
             */
            qr?: boolean;
        };
        BulkInviteResult: {
            /** Format: uuid */
            application_id?: string;
            /** Format: date-time */
            expires_at?: string;
            invited?: boolean;
            message?: string;
            qr_error?: string | null;
            qr_url?: string | null;
            reason?: string;
            token?: string;
            url?: string;
        };
        BusyTime: {
            /** Format: date-time */
            ends_at: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /**
             * @description e.g. 上课, 考试, 已有面试
             * @default null
             */
            label?: string | null;
            /**
             * Format: date-time
             * @description ISO 8601 with an offset; stored in UTC
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
        };
        BusyTimes: {
            busy_times: components["schemas"]["BusyTime"][];
        };
        CalibratedAnswer: {
            ai?: number | null;
            calibrated?: number | null;
        };
        CalibrationNote: {
            /** @description per question id */
            answers?: {
                [key: string]: components["schemas"]["CalibratedAnswer"];
            };
            feature_names?: string[];
            id?: string;
            version?: number;
            weights?: {
                [key: string]: number | null;
            };
        };
        CalibrationRun: {
            /**
             * @description ridge penalty
             * @default 1
             */
            alpha?: number;
        };
        CalibrationVersion: {
            adopted?: boolean;
            alpha?: number;
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            created_by?: string | null;
            feature_names?: string[];
            /** Format: uuid */
            id?: string;
            /** Format: uuid */
            job_id?: string;
            reason?: string;
            split?: components["schemas"]["Split"];
            /** @description held-out agreement of the weights in force and of the new ones */
            test_metrics?: components["schemas"]["HeldOutMetrics"];
            train_metrics?: components["schemas"]["AgreementReport"];
            version?: number;
            weights?: {
                [key: string]: number;
            };
        };
        Candidate: {
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: email
             * @default null
             */
            email?: string | null;
            /** Format: uuid */
            readonly id?: string;
            name: string;
            /** @default null */
            phone?: string | null;
        };
        CandidatePolicy: {
            max_reschedules?: number;
            reschedule_cutoff_hours?: number;
            window_hours?: number;
        };
        CandidateQuestion: {
            /** @description with my accommodation's extra time */
            answer_seconds?: number;
            /** @description how many more times I may start this question */
            attempts_left?: number;
            /** Format: uuid */
            id?: string;
            position?: number;
            /** @description a practice question: never scored, not needed to finish */
            practice?: boolean;
            /** @description with my accommodation's extra retakes */
            retakes?: number;
            /** @description attempts I may still start after the first (an unreadable one is free) */
            retakes_left?: number;
            started?: boolean;
            /** @description null until the candidate starts the question */
            text?: string | null;
            /** @description with my accommodation's extra time */
            think_seconds?: number;
        };
        CandidateSlot: {
            /** Format: date-time */
            ends_at?: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            format?: string;
            /** Format: uuid */
            id?: string;
            location?: string | null;
            readonly seats_left?: number;
            /** Format: date-time */
            starts_at?: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
        };
        CaseDetail: {
            acknowledgements?: components["schemas"]["Acknowledgement"][];
            /** Format: uuid */
            application_id?: string;
            /** Format: date-time */
            completed_at?: string | null;
            department?: string;
            documents?: components["schemas"]["OnboardingDocument"][];
            employee?: components["schemas"]["Employee"];
            /** Format: uuid */
            employee_id?: string;
            form?: components["schemas"]["FormField"][];
            /** Format: uuid */
            id?: string;
            location?: string;
            manager?: string;
            /** Format: uuid */
            mentor_id?: string | null;
            mentor_name?: string | null;
            mismatched_documents?: number;
            name?: string;
            position?: string;
            progress?: components["schemas"]["Progress"];
            stage?: string;
            stage_label?: string;
            /** Format: date */
            start_date?: string;
            /** Format: date-time */
            start_date_confirmed_at?: string | null;
            tasks?: components["schemas"]["Task"][];
            training?: components["schemas"]["TrainingSuggestion"][];
            webhooks?: components["schemas"]["WebhookDelivery"][];
        };
        CaseSummary: {
            /** Format: uuid */
            application_id?: string;
            /** Format: date-time */
            completed_at?: string | null;
            department?: string;
            /** Format: uuid */
            employee_id?: string;
            /** Format: uuid */
            id?: string;
            location?: string;
            manager?: string;
            /** Format: uuid */
            mentor_id?: string | null;
            mentor_name?: string | null;
            mismatched_documents?: number;
            name?: string;
            position?: string;
            progress?: components["schemas"]["Progress"];
            stage?: string;
            stage_label?: string;
            /** Format: date */
            start_date?: string;
            /** Format: date-time */
            start_date_confirmed_at?: string | null;
        };
        Comparison: {
            matches?: boolean | null;
            read?: string | null;
            typed?: string | null;
        };
        CompetencyRollup: {
            contributions?: components["schemas"]["Contribution"][];
            detail?: string | null;
            excluded?: components["schemas"]["Excluded"][];
            job_weight?: number;
            name?: string;
            reason?: string | null;
            score?: number | null;
            /** @description scored | insufficient_evidence */
            status?: string;
        };
        ConsentChoice: {
            /**
             * @default h5
             * @enum {string}
             */
            channel?: "miniprogram" | "h5";
            granted: boolean;
            /** @enum {string} */
            kind: "media" | "ai_evaluation";
            notice_version: number;
            text_sha256: string;
        };
        Consents: {
            notices?: components["schemas"]["Notice"][];
        };
        Contribution: {
            points?: number;
            score?: number;
            share?: number;
            /** @description a question id (for a competency) or a competency (for the overall) */
            source?: string;
            weight?: number;
        };
        Correction: {
            /** @description the job's word that sounds the same */
            corrected?: string;
            end?: number;
            /** @description what the recogniser wrote */
            heard?: string;
            segment?: number;
            start?: number;
        };
        Corrections: {
            /** @description field path -> value, e.g. {"work[0].title": "客户经理", "years_experience": 5}; null withdraws a correction */
            corrections: {
                [key: string]: (string | number | boolean | string[]) | null;
            };
        };
        Course: {
            /** @default true */
            active?: boolean;
            competency: string;
            /** @default null */
            description?: string | null;
            /** @default null */
            hours?: number | null;
            /** Format: uuid */
            readonly id?: string;
            title: string;
        };
        Credit: {
            accepted_total?: number;
            credits?: number;
            refused_total?: number;
            template?: string;
            /** @description the WeChat template id to request */
            template_id?: string | null;
        };
        Daily: {
            bookings?: number;
            completions?: number;
            /** @description China day, YYYY-MM-DD */
            date?: string;
            invitations?: number;
        };
        Decision: {
            /**
             * @description rejection: the standardized feedback the candidate gets
             * @enum {string}
             */
            feedback_code?: "competition" | "experience" | "general" | "position_filled" | "skills_mismatch";
            /** @description advance: the round the candidate is invited to */
            next_round?: components["schemas"]["NextRound"];
            /**
             * @description tell the candidate (advance and reject only)
             * @default true
             */
            notify?: boolean;
            /** @description hire (required): the offer; opens the onboarding case and sends the offer letter */
            offer?: components["schemas"]["Offer"];
            /** @description why (kept on the timeline; never sent to the candidate) */
            reason: string;
            /** @enum {string} */
            to_state: "advanced" | "rejected" | "hired" | "withdrawn" | "screened";
        };
        DecisionResult: {
            /** Format: uuid */
            readonly candidate_id?: string;
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: date-time
             * @description the candidate's personal data was erased
             */
            readonly erased_at?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            job_id: string;
            /** Format: date-time */
            readonly legal_hold_at?: string | null;
            /** @description set: a legal hold blocks erasure and retention purges */
            readonly legal_hold_reason?: string | null;
            /**
             * Format: date-time
             * @description recordings removed after their retention period
             */
            readonly media_purged_at?: string | null;
            /** @description hire: the case and the employee's sign-in (code shown once) */
            onboarding?: components["schemas"]["OnboardingLogin"] | (Record<string, never> | null);
            readonly state?: string;
            /** Format: date-time */
            readonly transcripts_purged_at?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        DeletionRequest: {
            /** Format: date-time */
            readonly answered_at?: string | null;
            /** Format: uuid */
            readonly application_id?: string;
            readonly candidate_name?: string;
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: date-time
             * @description deletion requests: 15 working days (Mon-Fri, China time) after filing; holidays not counted
             */
            readonly due_at?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /** @enum {string} */
            kind: "explanation" | "human_review" | "deletion";
            readonly legal_hold_reason?: string | null;
            /** @default  */
            message?: string;
            readonly overdue?: boolean;
            /** @description HR's written answer (empty while open) */
            readonly response?: string;
            /** @description open | answered */
            readonly status?: string;
        };
        DeviceCheck: {
            clipped_share?: number;
            message?: string;
            ok?: boolean;
            peak_dbfs?: number | null;
            readable?: boolean;
            reason?: string | null;
            seconds?: number;
            speech_dbfs?: number | null;
            speech_seconds?: number;
        };
        DocumentDetail: {
            bytes?: number;
            /** @description HR's corrections by field path */
            corrections?: {
                [key: string]: string | number | boolean | string[];
            };
            /** Format: date-time */
            created_at?: string;
            /** @description the parse with HR's corrections laid over it (what HR sees and the match uses); `check` lists the fields to check, which score nothing in the match until HR does */
            effective?: components["schemas"]["ResumeFields"];
            /** @description résumés only, as parsed (empty otherwise), with confidence per field and the paths to check */
            fields?: components["schemas"]["ResumeFields"];
            file_type?: string;
            filename?: string;
            /** Format: uuid */
            id?: string;
            kind?: string;
            /** @description résumés only; empty otherwise */
            match?: components["schemas"]["Match"];
            pages?: components["schemas"]["Page"][];
            /** Format: date-time */
            processed_at?: string | null;
            sha256?: string;
            status?: string;
            status_message?: string | null;
            status_reason?: string | null;
            uploaded_by?: string;
        };
        DocumentFile: {
            /** Format: binary */
            file: string;
        };
        DocumentStatus: {
            bytes?: number;
            /** Format: date-time */
            created_at?: string;
            file_type?: string;
            filename?: string;
            /** Format: uuid */
            id?: string;
            kind?: string;
            status?: string;
            status_message?: string | null;
            status_reason?: string | null;
        };
        DocumentUrl: {
            expires_in?: number;
            url?: string;
        };
        DropOff: {
            /** @description (rejected + withdrawn) / reached */
            drop_rate?: number | null;
            label?: string;
            reached?: number;
            /** @description rejected from this stage */
            rejected?: number;
            state?: string;
            /** @description in this stage now */
            waiting?: number;
            /** @description withdrew from this stage */
            withdrawn?: number;
        };
        Duration: {
            median_hours?: number | null;
            n?: number;
            p90_hours?: number | null;
        };
        Education: {
            /** @description 大专 / 本科 / 硕士 / 博士, or empty when not stated */
            degree?: string;
            /** @description YYYY-MM, YYYY or 至今 */
            end?: string | null;
            major?: string;
            school?: string;
            /** @description YYYY-MM or YYYY */
            start?: string | null;
        };
        Employee: {
            /** Format: uuid */
            readonly candidate_id?: string | null;
            /** @default null */
            department?: string | null;
            /**
             * Format: email
             * @default null
             */
            email?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /** @default false */
            is_mentor?: boolean;
            /** @default null */
            location?: string | null;
            /** @default 0 */
            mentor_capacity?: number;
            name: string;
            /** @default null */
            phone?: string | null;
            /** @default null */
            position?: string | null;
            skills?: string[];
        };
        EmployeeCourse: {
            description?: string | null;
            hours?: number | null;
            /** Format: uuid */
            id?: string;
            title?: string;
        };
        Erasure: {
            application_ids?: string[];
            /** Format: date-time */
            completed_at?: string | null;
            /** @description what was erased: kind -> count (never content) */
            erased?: {
                [key: string]: number;
            };
            /** Format: uuid */
            id?: string;
            /** @description what stays, and why */
            kept?: string[];
            legal_basis?: string;
            objects_deleted?: number;
            /** Format: uuid */
            processed_by?: string | null;
            /** Format: date-time */
            requested_at?: string;
            requested_by?: string;
            /** Format: date-time */
            started_at?: string;
            /** @description objects_pending | done */
            status?: string;
        };
        Error: {
            /** @description Error code */
            code?: number;
            /** @description Errors */
            errors?: {
                [key: string]: unknown;
            };
            /** @description Error message */
            message?: string;
            /** @description Error name */
            status?: string;
        };
        Event: {
            /** Format: uuid */
            actor_id?: string | null;
            actor_type?: string;
            /** Format: date-time */
            created_at?: string;
            /** @description free-form facts of the event, by kind (ids, scores, the message sent) */
            data?: {
                [key: string]: unknown;
            };
            from_state?: string | null;
            /** Format: uuid */
            id?: string;
            kind?: string;
            reason?: string | null;
            to_state?: string | null;
        };
        Evidence: {
            /** @description share of the point met (content and structure) */
            credit?: number | null;
            end?: number | null;
            found?: boolean;
            /** @description exact | pinyin | split (a word said apart) | part (the head of HR's phrase or a looser synonym: half the point's content) | meaning (said in other words: how close the answer's words come to the point's, by word vectors; see meaning) */
            match?: string | null;
            /** @description the transcript's characters that matched */
            matched_text?: string | null;
            /** @description content-v8, match meaning: how close the answer's words came to the point's (word vectors) */
            meaning?: components["schemas"]["Meaning"] | (Record<string, never> | null);
            phrase?: string | null;
            point_id?: string;
            point_text?: string;
            quote?: string | null;
            /** @description the point's structural requirements, each met or not, with the quote that meets it */
            requirements?: components["schemas"]["RequirementEvidence"][];
            /** @description key_phrase | rubric_text | synonym | head (the head of HR's phrase) | related (a Cilin synonym sharing no character) | word_vectors (match meaning) */
            source?: string | null;
            start?: number | null;
            synonym_of?: string | null;
        };
        Excluded: {
            question_id?: string;
            reason?: string | null;
            weight?: number;
        };
        Feedback: {
            about?: string;
            competencies?: components["schemas"]["FeedbackCompetency"][];
            overall?: components["schemas"]["FeedbackOverall"];
            storytelling?: string[];
        };
        FeedbackCompetency: {
            band?: string | null;
            competency?: string;
            evaluated?: boolean;
            gaps?: string[];
            note?: string | null;
            strengths?: string[];
            suggestions?: string[];
        };
        FeedbackOverall: {
            band?: string | null;
            evaluated?: boolean;
            note?: string | null;
        };
        Figures: {
            duration_s?: number | null;
            fillers_per_100_chars?: number | null;
            longest_pause_s?: number | null;
            loudness_std_db?: number | null;
            pause_count_over_2s?: number | null;
            silent_share?: number | null;
            /** @description characters per minute of speech */
            speech_rate_cpm?: number | null;
            speech_s?: number | null;
            time_limit_share?: number | null;
        };
        Form: {
            complete?: boolean;
            fields?: components["schemas"]["FormField"][];
        };
        FormField: {
            label?: string;
            masked?: boolean;
            name?: string;
            prefilled?: boolean;
            required?: boolean;
            sensitive?: boolean;
            source?: string | null;
            /** @description empty | prefilled | confirmed | corrected | filled */
            status?: string;
            value?: string | null;
        };
        FormSubmit: {
            /** @description pre-filled fields the employee confirms as they are */
            confirm?: string[];
            /** @description field name -> typed value (a correction of a pre-filled one counts) */
            values?: {
                [key: string]: string | null;
            };
        };
        FunnelStage: {
            /** @description reached / reached the stage before */
            conversion?: number | null;
            label?: string;
            /** @description applications that reached this stage or a later one */
            reached?: number;
            share_of_applied?: number | null;
            state?: string;
        };
        HeldOutMetrics: {
            /** @description the weights in force */
            current?: components["schemas"]["AgreementReport"];
            /** @description the newly fitted weights */
            new?: components["schemas"]["AgreementReport"];
        };
        Home: {
            /** @description finished interviews without a decision */
            awaiting_decision?: number;
            /** @description answers of finished interviews no human has scored yet (newest attempts) */
            awaiting_review?: components["schemas"]["Review"];
            /** @description today in China, YYYY-MM-DD */
            date?: string;
            funnel?: components["schemas"]["FunnelStage"][];
            interviews_today?: components["schemas"]["TodayInterview"][];
            /** @description invited, not booked in time */
            overdue?: components["schemas"]["Overdue"];
        };
        HrUser: {
            active?: boolean;
            /** Format: date-time */
            created_at?: string;
            email?: string;
            /** Format: uuid */
            id?: string;
            name?: string;
            /** Format: uuid */
            organization_id?: string;
            /** @description admin | recruiter | interviewer */
            role?: string;
            /** @description active | invited (no password set yet) | deactivated */
            readonly status?: string;
        };
        HumanScore: {
            /** Format: uuid */
            answer_id?: string | null;
            /** Format: uuid */
            application_id?: string;
            comment?: string | null;
            competency_scores?: {
                [key: string]: number;
            };
            /** Format: date-time */
            created_at?: string;
            /** @description the rater's newest revision: the one that counts */
            current?: boolean;
            /** Format: uuid */
            id?: string;
            overall?: number | null;
            revision?: number;
            /** @description answer | interview */
            scope?: string;
            /** Format: uuid */
            scorer_id?: string;
        };
        Integrity: {
            flagged?: boolean;
            for_human_review_only?: boolean;
            segments?: components["schemas"]["IntegritySegment"][];
        };
        IntegrityFlag: {
            detail?: components["schemas"]["IntegrityFlagDetail"];
            /** @description no_face | multiple_faces */
            kind?: string;
            /** @description [start_s, end_s] pairs */
            ranges?: number[][];
        };
        IntegrityFlagDetail: {
            frames_sampled?: number;
            frames_with_multiple_faces?: number;
            frames_without_face?: number;
            longest_gap_s?: number;
            max_faces_in_a_frame?: number;
            share_of_sampled_time?: number;
            /** @description the thresholds the flag was raised at */
            thresholds?: {
                [key: string]: number | null;
            };
        };
        IntegritySegment: {
            /** @description [time_s, faces] per frame */
            face_counts?: number[][];
            features?: string[];
            flags?: components["schemas"]["IntegrityFlag"][];
            for_human_review_only?: boolean;
            frames_sampled?: number;
            sample_interval_s?: number;
            seconds?: number;
            segment?: number;
            /** @description why this segment's video could not be checked */
            unreadable?: string;
            video_present?: boolean;
        };
        InterviewAgreement: {
            /** @description per competency, the interview roll-up against human interview scores */
            competencies?: {
                [key: string]: components["schemas"]["AgreementReport"];
            };
        };
        InterviewResult: {
            /** Format: uuid */
            application_id?: string;
            /** Format: date-time */
            computed_at?: string;
            config_hash?: string;
            feedback?: components["schemas"]["Feedback"];
            overall?: number | null;
            proposal?: components["schemas"]["Proposal"];
            /** Format: date-time */
            released_at?: string | null;
            rollup_version?: string;
            score?: components["schemas"]["InterviewRollup"];
            status?: string;
        };
        InterviewRollup: {
            calibration?: (Record<string, never> | null) | components["schemas"]["CalibrationNote"];
            competencies?: {
                [key: string]: components["schemas"]["CompetencyRollup"];
            };
            config_hash?: string;
            contributions?: components["schemas"]["Contribution"][];
            covered_weight_share?: number;
            detail?: string | null;
            min_coverage?: number;
            overall?: number | null;
            reason?: string | null;
            rollup_version?: string;
            shadow_mode?: boolean;
            /** @description scored | insufficient_evidence */
            status?: string;
        };
        InterviewScore: {
            comment?: string | null;
            /** @description 0–100 per competency of the job */
            competency_scores: {
                [key: string]: number;
            };
        };
        Invitation: {
            /** Format: date-time */
            expires_at?: string;
            /** @description why no QR code was made (the link still works) */
            qr_error?: string | null;
            /** @description the WeChat QR code PNG (HR only), when made */
            qr_url?: string | null;
            token?: string;
            url?: string;
        };
        Invite: {
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "recruiter" | "interviewer";
        };
        InvitedMember: {
            setup?: components["schemas"]["SetupLink"];
            user?: components["schemas"]["HrUser"];
        };
        InviteOptions: {
            /**
             * @description send the invitation message (WeChat, e-mail or in-app)
             * @default true
             */
            notify?: boolean;
            /**
             * @description make the WeChat QR code (when WeChat is configured)
             * @default true
             */
            qr?: boolean;
        };
        Job: {
            competencies: {
                [key: string]: number;
            };
            /** Format: date-time */
            readonly created_at?: string;
            /** @default  */
            description?: string;
            /** Format: uuid */
            readonly id?: string;
            requirements?: components["schemas"]["Requirements"];
            screening_weights?: {
                [key: string]: number;
            };
            readonly status?: string;
            thresholds?: components["schemas"]["Thresholds"];
            title: string;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        JobCreate: {
            competencies: {
                [key: string]: number;
            };
            /** Format: date-time */
            readonly created_at?: string;
            /** @default  */
            description?: string;
            /** Format: uuid */
            readonly id?: string;
            questions?: components["schemas"]["Question"][];
            requirements?: components["schemas"]["Requirements"];
            screening_weights?: {
                [key: string]: number;
            };
            readonly status?: string;
            thresholds?: components["schemas"]["Thresholds"];
            title: string;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        JobDetail: {
            competencies: {
                [key: string]: number;
            };
            /** Format: date-time */
            readonly created_at?: string;
            /** @default  */
            description?: string;
            /** Format: uuid */
            readonly id?: string;
            questions?: components["schemas"]["Question"][];
            requirements?: components["schemas"]["Requirements"];
            screening_weights?: {
                [key: string]: number;
            };
            readonly status?: string;
            thresholds?: components["schemas"]["Thresholds"];
            title: string;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        JobUpdate: {
            competencies?: {
                [key: string]: number;
            };
            /** Format: date-time */
            readonly created_at?: string;
            description?: string;
            /** Format: uuid */
            readonly id?: string;
            requirements?: components["schemas"]["Requirements"];
            screening_weights?: {
                [key: string]: number;
            };
            /** @enum {string} */
            status?: "open" | "closed";
            thresholds?: components["schemas"]["Thresholds"];
            title?: string;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        LegalHold: {
            /** @description shown wherever the hold blocks an erasure or a purge */
            reason: string;
        };
        LegalHoldState: {
            /** Format: date-time */
            legal_hold_at?: string | null;
            /** Format: uuid */
            legal_hold_by?: string | null;
            legal_hold_reason?: string | null;
        };
        Login: {
            /** Format: email */
            email: string;
            password: string;
        };
        Match: {
            config_hash?: string;
            /** @description skills / experience / education / other */
            parts?: {
                [key: string]: components["schemas"]["PartScore"];
            };
            score?: number;
            version?: string;
            weights?: {
                [key: string]: number | null;
            };
        };
        MatchEvidence: {
            quote?: string;
            requirement?: string;
            /** @description listed | experience | inferred | certificate | text */
            source?: string;
        };
        Meaning: {
            /** @description the point's content credit from it: 0 at 0.5, 1 at 0.7 */
            credit?: number;
            /** @description the closest pairs, at most 3 */
            pairs?: components["schemas"]["MeaningPair"][];
            /** @description mean over the point's words of their closest answer word's similarity (each answer word once) */
            similarity?: number;
        };
        MeaningPair: {
            /** @description its closest word in the answer */
            answer_word?: string;
            end?: number | null;
            /** @description a word of the rubric point (HR's phrase or the point's text) */
            point_word?: string;
            /** @description the clause the answer word was said in */
            quote?: string;
            /** @description cosine similarity of their word vectors */
            similarity?: number;
            start?: number | null;
        };
        MediaUrl: {
            duration_seconds?: number | null;
            index?: number;
            url?: string;
        };
        MemberUpdate: {
            /** @description false deactivates: no login, every token revoked */
            active?: boolean;
            /** @enum {string} */
            role?: "admin" | "recruiter" | "interviewer";
        };
        MentorChoice: {
            /** Format: uuid */
            employee_id: string;
        };
        MentorSuggestion: {
            employee?: components["schemas"]["Employee"];
            load?: number;
            reasons?: string[];
            score?: number;
        };
        Message: {
            /** Format: uuid */
            application_id?: string;
            body?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            id?: string;
            readonly read?: boolean;
            /** Format: date-time */
            read_at?: string | null;
            template?: string;
            title?: string;
        };
        MyAccommodation: {
            extra_answer_seconds?: number;
            extra_retakes?: number;
            extra_think_seconds?: number;
            extra_window_hours?: number;
        };
        MyAccount: {
            current_password?: string;
            name?: string;
            /** @description needs current_password; signs out your other sessions */
            new_password?: string;
        };
        MyInterview: {
            accommodation?: components["schemas"]["MyAccommodation"];
            answers?: components["schemas"]["AnswerStatus"][];
            /** Format: uuid */
            application_id?: string;
            /**
             * Format: date-time
             * @description the invitation link works until then
             */
            invitation_expires_at?: string | null;
            job_title?: string;
            organization_name?: string;
            questions?: components["schemas"]["CandidateQuestion"][];
            /** @description record each segment for at most this long */
            segment_max_seconds?: number;
            state?: string;
        };
        MyResult: {
            feedback?: components["schemas"]["Feedback"];
            label?: string;
            outcome?: string;
            /** Format: date-time */
            released_at?: string;
        };
        NextRound: {
            round_name: string;
            /** Format: date-time */
            starts_at: string;
        };
        NonAnswer: {
            /** @description the measured share behind the finding (poor_judgment: the factor the scores were multiplied by) */
            figure?: number;
            /** @description restates_question | keyword_string | off_topic | digresses | poor_judgment (content-v14: quoted cues of a rule bent, a risk brushed aside, a problem passed on, returns promised; content-v15: a problem kept from the supervisor, a shortfall covered from one's own pocket, signing or keying in for the customer, a check skipped, a quarrel, a gift kept; content-v16: a step waved off with the least effort) */
            kind?: string;
            message?: string;
            quotes?: components["schemas"]["Quote"][];
        };
        Notice: {
            /** @description whether my newest choice grants this version */
            granted?: boolean;
            kind?: string;
            text?: string;
            text_sha256?: string;
            title?: string;
            version?: number;
        };
        Nudge: {
            /** Format: uuid */
            outbox_id?: string;
        };
        Offer: {
            department: string;
            location: string;
            manager: string;
            position: string;
            /** Format: date */
            start_date: string;
        };
        OnboardDocumentFile: {
            /** Format: binary */
            file: string;
        };
        OnboardingDocument: {
            bytes?: number;
            comparison?: {
                [key: string]: components["schemas"]["Comparison"];
            };
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            employee_confirmed_at?: string | null;
            extracted?: {
                [key: string]: string;
            };
            file_type?: string;
            filename?: string;
            /** Format: uuid */
            id?: string;
            kind?: string;
            kind_label?: string;
            mismatch?: boolean;
            /** Format: date-time */
            processed_at?: string | null;
            /** @description queued | processing | read | retake */
            status?: string;
            status_message?: string | null;
            status_reason?: string | null;
        };
        OnboardingLogin: {
            /** Format: uuid */
            case_id?: string;
            login_code?: string;
            login_url?: string;
        };
        OnboardingPolicy: {
            body: string;
            /** Format: date-time */
            readonly created_at?: string;
            /** Format: uuid */
            readonly id?: string;
            key: string;
            readonly text_sha256?: string;
            title: string;
            version: string;
        };
        OnboardMessage: {
            body?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            id?: string;
            /** Format: date-time */
            read_at?: string | null;
            template?: string;
            title?: string;
        };
        OnboardSession: {
            /** Format: uuid */
            case_id?: string;
            token?: string;
        };
        OnboardSessionRequest: {
            /** Format: uuid */
            case_id: string;
            code: string;
        };
        Options: {
            mode?: string;
            policy?: components["schemas"]["CandidatePolicy"];
            slots?: components["schemas"]["CandidateSlot"][];
            window?: (Record<string, never> | null) | components["schemas"]["Window"];
        };
        Outbox: {
            actor_type?: string;
            alert?: boolean;
            attempt_count?: number;
            attempts?: components["schemas"]["Attempt"][];
            channel_used?: string | null;
            channels?: string[];
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            id?: string;
            last_error?: string | null;
            /** @description the message's values: names, and times as ISO 8601 */
            payload?: {
                [key: string]: string;
            };
            /** Format: date-time */
            sent_at?: string | null;
            status?: string;
            template?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        Overdue: {
            count?: number;
            /** @description the 20 longest waiting */
            items?: components["schemas"]["OverdueItem"][];
        };
        OverdueItem: {
            /** Format: uuid */
            application_id?: string;
            candidate_name?: string;
            /** Format: date-time */
            invited_at?: string;
            /** Format: uuid */
            job_id?: string;
            job_title?: string;
        };
        Page: {
            /** @description how the page was read: its text layer or OCR */
            method?: string;
            number?: number;
        };
        PaginationMetadata: {
            /** @description First available page number. */
            first_page?: number;
            /** @description Last available page number. */
            last_page?: number;
            /** @description Next page number. */
            next_page?: number;
            /** @description Current page number. */
            page?: number;
            /** @description Previous page number. */
            previous_page?: number;
            /** @description Total number of items. */
            total?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        PartScore: {
            evidence?: components["schemas"]["MatchEvidence"][];
            /** @description rests on a field HR must check: scores 0 until then */
            needs_check?: boolean;
            reasons?: string[];
            /** @description 0-100 */
            score?: number;
        };
        Person: {
            department?: string | null;
            email?: string | null;
            name?: string;
            phone?: string | null;
        };
        Phone: {
            code: string;
        };
        PhoneResult: {
            phone?: string;
        };
        Pipeline: {
            overdue?: number;
            stages?: components["schemas"]["Stage"][];
            total?: number;
        };
        Policy: {
            /** Format: uuid */
            readonly job_id?: string;
            /** @default 2 */
            max_reschedules?: number;
            /**
             * @description slots: book one of HR's slots; open_window: complete within window_hours
             * @default slots
             * @enum {string}
             */
            mode?: "slots" | "open_window";
            /** @default 24 */
            reschedule_cutoff_hours?: number;
            /** Format: date-time */
            readonly updated_at?: string | null;
            /** @default 72 */
            window_hours?: number;
        };
        PolicyView: {
            /** Format: date-time */
            acknowledged_at?: string | null;
            body?: string;
            /** Format: uuid */
            id?: string;
            key?: string;
            text_sha256?: string;
            title?: string;
            version?: string;
        };
        ProcessedDeletion: {
            erasure?: components["schemas"]["Erasure"];
            request?: components["schemas"]["Request"];
        };
        Progress: {
            done?: number;
            overdue?: number;
            percent?: number;
            total?: number;
        };
        Proposal: {
            /** @description propose (HR confirms) | auto_advance (the job's opt-in) */
            action?: string;
            /** @description always advance */
            decision?: string;
            overall?: number;
            reason?: string;
            requires_confirmation?: boolean;
            rollup_version?: string;
            threshold?: number;
        };
        Question: {
            /** @default 180 */
            answer_seconds?: number;
            /**
             * @description a behavioural question (STAR structure counts); null: inferred from the text
             * @default null
             */
            behavioural?: boolean | null;
            competencies: {
                [key: string]: number;
            };
            /** Format: uuid */
            readonly id?: string;
            /** @default 3 */
            min_speech_seconds?: number;
            position?: number;
            /**
             * @description a practice question: the candidate may try it; its answer is never scored nor counted
             * @default false
             */
            practice?: boolean;
            /** @default 1 */
            retakes?: number;
            rubric: components["schemas"]["RubricPoint"][];
            text: string;
            /** @default 30 */
            think_seconds?: number;
        };
        QuestionBrief: {
            /** @description competency -> weight */
            competencies?: {
                [key: string]: number | null;
            };
            /** Format: uuid */
            id?: string;
            position?: number;
            text?: string;
        };
        QuestionOrder: {
            /** @description every question of the job, in the new order */
            question_ids: string[];
        };
        QuestionUpdate: {
            answer_seconds?: number;
            behavioural?: boolean | null;
            competencies?: {
                [key: string]: number;
            };
            /** Format: uuid */
            readonly id?: string;
            min_speech_seconds?: number;
            position?: number;
            practice?: boolean;
            retakes?: number;
            rubric?: components["schemas"]["RubricPoint"][];
            text?: string;
            think_seconds?: number;
        };
        Quote: {
            end?: number;
            quote?: string;
            start?: number;
        };
        QuotedWord: {
            end?: number;
            match?: string;
            matched_text?: string;
            quote?: string;
            start?: number;
            word?: string;
        };
        Ranked: {
            /** Format: uuid */
            application_id?: string;
            basis?: string | null;
            /** Format: uuid */
            candidate_id?: string;
            candidate_name?: string;
            /** Format: uuid */
            document_id?: string;
            /** @description skills / experience / education / other: score, reasons, evidence */
            parts?: {
                [key: string]: components["schemas"]["PartScore"];
            };
            proposed?: boolean;
            rank?: number;
            score?: number;
            /** @description matched with older settings: re-match to refresh */
            stale?: boolean;
            state?: string;
        };
        Recording: {
            bytes?: number;
            duration_seconds?: number | null;
            /** Format: uuid */
            id?: string;
            index?: number;
            media_type?: string;
            sha256?: string;
        };
        RejectionReason: {
            /** @description a standardized feedback code, or unspecified */
            code?: string;
            count?: number;
            label?: string;
            share?: number | null;
        };
        Relevance: {
            found?: components["schemas"]["QuotedWord"][];
            missed?: string[];
            score?: number;
            topic_words?: string[];
        };
        Rematch: {
            config_hash?: string;
            unchanged?: number;
            updated?: number;
        };
        Request: {
            /** Format: date-time */
            readonly answered_at?: string | null;
            /** Format: date-time */
            readonly created_at?: string;
            /**
             * Format: date-time
             * @description deletion requests: 15 working days (Mon-Fri, China time) after filing; holidays not counted
             */
            readonly due_at?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /** @enum {string} */
            kind: "explanation" | "human_review" | "deletion";
            /** @default  */
            message?: string;
            readonly overdue?: boolean;
            /** @description HR's written answer (empty while open) */
            readonly response?: string;
            /** @description open | answered */
            readonly status?: string;
        };
        RequestAnswer: {
            /** @description the answer the candidate reads (explanation, review outcome) */
            response: string;
        };
        RequirementEvidence: {
            cue?: string | null;
            end?: number | null;
            label?: string;
            met?: boolean;
            quote?: string | null;
            requirement?: string;
            start?: number | null;
        };
        Requirements: {
            certificates?: string[];
            /** @description 大专 / 本科 / 硕士 / 博士, or empty for no requirement */
            education?: string;
            keywords?: string[];
            min_years?: number;
            skills?: string[];
            /** @description a canonical term -> its other names (the bank's own words) */
            synonyms?: {
                [key: string]: string[];
            };
        };
        RescheduleRequest: {
            /** Format: uuid */
            slot_id: string;
        };
        Rescore: {
            /** @description why the answer is rescored (kept in the audit log) */
            reason?: string | null;
        };
        RescoreQueued: {
            /** Format: uuid */
            answer_id?: string;
            /** @description the version of the score it replaces; that score stays in the AI-score audit trail */
            previous_scorer_version?: string | null;
            /** @description the scorer version that will score it */
            scorer_version?: string;
            /** @description uploaded: queued for the scorer */
            status?: string;
        };
        Result: {
            overall?: number | null;
            proposal?: components["schemas"]["Proposal"];
            /** Format: date-time */
            released_at?: string | null;
            status?: string;
        };
        ResumeFields: {
            certificates?: string[];
            /** @description field paths read too unsurely: shown as 'please check', left out of the match until corrected */
            check?: string[];
            /** @description field path (name, work[0].title, …) -> 0..1 */
            confidence?: {
                [key: string]: number | null;
            };
            education?: components["schemas"]["Education"][];
            email?: string;
            languages?: string[];
            name?: string;
            phone?: string;
            skills?: string[];
            work?: components["schemas"]["WorkEntry"][];
            years_experience?: number;
        };
        Reveal: {
            field: string;
            /** @description why HR needs the full value (kept on the audit log) */
            reason: string;
        };
        Revealed: {
            field?: string;
            value?: string | null;
        };
        Review: {
            count?: number;
            /** @description the 20 oldest */
            items?: components["schemas"]["ReviewItem"][];
        };
        ReviewItem: {
            /** Format: uuid */
            answer_id?: string;
            /** Format: uuid */
            application_id?: string;
            candidate_name?: string;
            /** Format: uuid */
            job_id?: string;
            job_title?: string;
            question_position?: number;
            /** @description scored | insufficient_evidence | human_review */
            status?: string;
            /** Format: date-time */
            submitted_at?: string | null;
        };
        RubricPoint: {
            /** @description the question's competencies this point is evidence of (default: all of them) */
            competencies?: string[];
            id?: string;
            key_phrases: string[];
            /** @description structural requirements the answer must meet for this point: situation (情境), task (任务), action (行动), result (结果), figure (具体数字), stakeholder (相关方), reflection (反思改进) */
            requires?: ("action" | "figure" | "reflection" | "result" | "situation" | "stakeholder" | "task")[];
            text: string;
            /** @default 1 */
            weight?: number;
        };
        ScoreBreakdown: {
            competencies?: {
                [key: string]: components["schemas"]["WeightedScore"];
            };
            content?: components["schemas"]["WeightedScore"];
        };
        Screening: {
            config_hash?: string;
            /** Format: uuid */
            job_id?: string;
            proposed?: number;
            ranked?: components["schemas"]["Ranked"][];
            threshold?: number | null;
            top_percent?: number;
            without_resume?: components["schemas"]["Unranked"][];
        };
        Segment: {
            confidence?: number;
            end?: number;
            start?: number;
            text?: string;
        };
        SegmentFile: {
            /** Format: binary */
            file: string;
        };
        Session: {
            /** Format: uuid */
            application_id?: string;
            /**
             * Format: date-time
             * @description the candidate token's expiry (log in again from the link)
             */
            expires_at?: string;
            token?: string;
        };
        SessionRequest: {
            invitation_token: string;
        };
        SetPassword: {
            /** @description the one-time code from the set-password link (after #code=) */
            code: string;
            password: string;
        };
        SetupLink: {
            /** @description one-time; shown only now, stored hashed */
            code?: string;
            /** Format: date-time */
            expires_at?: string;
            /** @description the set-password page; the code sits after # so it never reaches a server log or a Referer */
            url?: string;
        };
        Slot: {
            readonly booked?: number;
            /** @default 1 */
            capacity?: number;
            /** Format: date-time */
            readonly created_at?: string;
            /** Format: date-time */
            ends_at: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            /**
             * @default online
             * @enum {string}
             */
            format?: "online" | "onsite";
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            readonly job_id?: string;
            /** @default null */
            location?: string | null;
            readonly seats_left?: number;
            /**
             * Format: date-time
             * @description ISO 8601 with an offset; stored in UTC
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        SlotBooking: {
            /** Format: uuid */
            application_id?: string;
            candidate_name?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: uuid */
            id?: string;
            reschedule_count?: number;
        };
        SlotDetail: {
            readonly booked?: number;
            readonly bookings?: components["schemas"]["SlotBooking"][];
            /** @default 1 */
            capacity?: number;
            /** Format: date-time */
            readonly created_at?: string;
            /** Format: date-time */
            ends_at: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            /**
             * @default online
             * @enum {string}
             */
            format?: "online" | "onsite";
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            readonly job_id?: string;
            /** @default null */
            location?: string | null;
            readonly seats_left?: number;
            /**
             * Format: date-time
             * @description ISO 8601 with an offset; stored in UTC
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        SlotUpdate: {
            readonly booked?: number;
            capacity?: number;
            /** Format: date-time */
            readonly created_at?: string;
            /** Format: date-time */
            ends_at?: string;
            /**
             * Format: date-time
             * @description ends_at in Asia/Shanghai, for display
             */
            readonly ends_at_display?: string | null;
            /** @enum {string} */
            format?: "online" | "onsite";
            /** Format: uuid */
            readonly id?: string;
            /** Format: uuid */
            readonly job_id?: string;
            location?: string | null;
            readonly seats_left?: number;
            /**
             * Format: date-time
             * @description ISO 8601 with an offset; stored in UTC
             */
            starts_at?: string;
            /**
             * Format: date-time
             * @description starts_at in Asia/Shanghai, for display
             */
            readonly starts_at_display?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        Specificity: {
            figures?: components["schemas"]["QuotedWord"][];
            score?: number;
            stakeholders?: components["schemas"]["QuotedWord"][];
            /** @description actions the candidate took */
            steps?: components["schemas"]["QuotedWord"][];
        };
        Split: {
            salt?: string;
            test?: components["schemas"]["SplitPart"];
            train?: components["schemas"]["SplitPart"];
            version?: string;
        };
        SplitPart: {
            answers?: number;
            interview_ids?: string[];
            interviews?: number;
        };
        Stage: {
            count?: number;
            label?: string;
            state?: string;
        };
        StageTime: {
            label?: string;
            median_hours?: number | null;
            n?: number;
            p90_hours?: number | null;
            state?: string;
        };
        StageTimes: {
            /** @description from entering a stage to leaving it (open stays not counted) */
            stages?: components["schemas"]["StageTime"][];
            /** @description from a completed interview to the first human decision */
            time_to_decision?: components["schemas"]["Duration"];
        };
        StarPart: {
            cue?: string | null;
            end?: number | null;
            found?: boolean;
            /** @description 情境 | 任务 | 行动 | 结果 */
            label?: string;
            match?: string | null;
            matched_text?: string | null;
            numbers?: string[];
            /** @description situation | task | action | result */
            part?: string;
            quote?: string | null;
            start?: number | null;
        };
        StartedQuestion: {
            /** Format: uuid */
            answer_id?: string;
            attempt?: number;
            max_segments?: number;
            question?: components["schemas"]["CandidateQuestion"];
            /** Format: date-time */
            record_by?: string;
            /** @description record each segment for at most this long */
            segment_max_seconds?: number;
            /** Format: date-time */
            started_at?: string;
        };
        Stat: {
            /** @description why there is no value */
            reason?: string | null;
            value?: number | null;
        };
        Status: {
            label?: string;
            requests?: components["schemas"]["Request"][];
            state?: string;
            timeline?: components["schemas"]["TimelineEntry"][];
        };
        Structure: {
            behavioural?: boolean;
            connectives?: components["schemas"]["QuotedWord"][];
            connectives_score?: number;
            star?: components["schemas"]["StarPart"][];
            star_score?: number | null;
        };
        SubscriptionReport: {
            /** @description wx.requestSubscribeMessage said accept */
            accepted: boolean;
            /**
             * @description QingPin's template name, e.g. reminder
             * @enum {string}
             */
            template: "answers_received" | "booking_confirmed" | "invitation" | "mentee_assigned" | "mentor_assigned" | "next_round" | "not_booked_nudge" | "offer" | "onboarding_task" | "rejection" | "reminder" | "request_answered" | "result_available";
        };
        Suggestion: {
            phrase: string;
            /** @description the scorer also matches recogniser homophones */
            pinyin: string;
            /** @description why it is proposed, in Chinese */
            reason: string;
            /** @description rubric_text | synonym | job_description */
            source: string;
        };
        SuggestionRequest: {
            /** @default 12 */
            limit?: number;
            /** @description the rubric point as HR wrote it */
            point_text: string;
            /**
             * Format: uuid
             * @description or one of the job's questions
             */
            question_id?: string;
            /** @description the question being written (its words are not proposed) */
            question_text?: string;
        };
        Suggestions: {
            point_text: string;
            suggestions: components["schemas"]["Suggestion"][];
        };
        Task: {
            /** Format: date-time */
            done_at?: string | null;
            done_by?: string | null;
            /** Format: date */
            due_date?: string;
            /** Format: uuid */
            id?: string;
            key?: string;
            kind?: string;
            overdue?: boolean;
            owner?: string;
            title?: string;
        };
        Template: {
            /** @default null */
            department?: string | null;
            /** Format: uuid */
            readonly id?: string;
            /**
             * Format: uuid
             * @default null
             */
            job_id?: string | null;
            name: string;
            tasks: components["schemas"]["TemplateTask"][];
            /** Format: date-time */
            readonly updated_at?: string;
        };
        TemplateTask: {
            /** @description days from the start date (negative: before) */
            due_days: number;
            key: string;
            /**
             * @description form | document:<kind> | policy:<key> | account | training | other
             * @default other
             */
            kind?: string;
            /** @description employee | hr | manager | it */
            owner: string;
            title: string;
        };
        Thresholds: {
            /** @description explicit opt-in: advance at the score instead of proposing; logged; never a rejection */
            auto_advance?: boolean;
            /** @description 0-100: propose (or, opted in, make) an advance at this score */
            auto_advance_score?: number;
            /** @description results released once decided */
            auto_release?: boolean;
            calibration_min_interviews?: number;
            /** @description 0-100: the screening board's proposed pool */
            interview_pool_top_percent?: number;
            /** @description AI scores shown to HR, no proposals */
            shadow_mode?: boolean;
        };
        TimelineEntry: {
            /** Format: date-time */
            at?: string;
            kind?: string;
            label?: string | null;
            state?: string | null;
        };
        Timings: {
            asr_s?: number;
            content_s?: number;
            decode_s?: number;
            /** @description segments already recognised as they landed when the scoring began (asr_s is the rest) */
            segments_recognised_before?: number;
            vad_s?: number;
        };
        TodayInterview: {
            /** Format: uuid */
            application_id?: string;
            /** Format: uuid */
            booking_id?: string;
            candidate_name?: string;
            /** Format: date-time */
            deadline_at?: string | null;
            /** Format: date-time */
            ends_at?: string;
            /** Format: uuid */
            job_id?: string;
            job_title?: string;
            /** @description slot | open_window (then the window closes today) */
            kind?: string;
            /** Format: date-time */
            starts_at?: string;
            state?: string;
            readonly state_label?: string;
        };
        Token: {
            /** Format: date-time */
            expires_at?: string;
            token?: string;
            user?: components["schemas"]["HrUser"];
        };
        TrainingSuggestion: {
            competency?: string;
            course?: components["schemas"]["Course"];
            reason?: string;
            score?: number;
            /** @description interview (AI roll-up) | human | interview+human */
            source?: string;
        };
        Unranked: {
            /** Format: uuid */
            application_id?: string;
            candidate_name?: string;
            state?: string;
        };
        WebhookAttempt: {
            /** Format: date-time */
            at?: string;
            error?: string | null;
            status_code?: number | null;
        };
        WebhookCreate: {
            events?: ("onboarding.start_date_confirmed" | "onboarding.completed" | "onboarding.mentor_assigned")[];
            url: string;
        };
        WebhookDelivery: {
            attempt_count?: number;
            attempts?: components["schemas"]["WebhookAttempt"][];
            /** Format: uuid */
            case_id?: string | null;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            delivered_at?: string | null;
            /** Format: uuid */
            endpoint_id?: string;
            event?: string;
            /** Format: uuid */
            id?: string;
            last_error?: string | null;
            /** @description pending | delivered | failed */
            status?: string;
        };
        WebhookEndpoint: {
            active?: boolean;
            /** Format: date-time */
            created_at?: string;
            events?: string[];
            /** Format: uuid */
            id?: string;
            /** @description shown once, on creation: verify X-QingPin-Signature with it */
            secret?: string;
            url?: string;
        };
        WeChatLogin: {
            code: string;
            invitation_token?: string;
        };
        WeChatSession: {
            /** Format: uuid */
            application_id?: string;
            token?: string;
        };
        WeightedScore: {
            /** @description the cap applied to a non-answer's score */
            capped_at?: number;
            features?: {
                [key: string]: number | null;
            };
            rubric_points?: string[];
            weights?: {
                [key: string]: number | null;
            };
        };
        Welcome: {
            /** Format: uuid */
            case_id?: string;
            company?: string;
            department?: string;
            location?: string;
            manager?: string;
            mentor?: (Record<string, never> | null) | components["schemas"]["Person"];
            name?: string;
            position?: string;
            progress?: components["schemas"]["Progress"];
            stage?: string;
            /** Format: date */
            start_date?: string;
            /** Format: date-time */
            start_date_confirmed_at?: string | null;
        };
        Window: {
            /** Format: date-time */
            closes_at?: string;
            /**
             * Format: date-time
             * @description closes_at in Asia/Shanghai, for display
             */
            readonly closes_at_display?: string | null;
            /** Format: date-time */
            opens_at?: string;
        };
        WorkEntry: {
            description?: string;
            employer?: string;
            end?: string | null;
            internship?: boolean;
            start?: string | null;
            title?: string;
        };
    };
    responses: {
        /** @description Default error response */
        DEFAULT_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unprocessable Entity */
        UNPROCESSABLE_ENTITY: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Pagination metadata */
        PAGINATION: components["schemas"]["PaginationMetadata"];
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
