import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace invigilator {

    namespace v1 {

        interface IFrame extends invigilator.v1.Frame.$Properties {
        }

        class Frame {
            constructor(properties?: invigilator.v1.Frame.$Properties);
            $unknowns?: Uint8Array[];
            enrolRequest?: (invigilator.v1.EnrolRequest.$Properties|null);
            enrolResponse?: (invigilator.v1.EnrolResponse.$Properties|null);
            hello?: (invigilator.v1.Hello.$Properties|null);
            welcome?: (invigilator.v1.Welcome.$Properties|null);
            batch?: (invigilator.v1.EventBatch.$Properties|null);
            ack?: (invigilator.v1.Ack.$Properties|null);
            heartbeat?: (invigilator.v1.Heartbeat.$Properties|null);
            config?: (invigilator.v1.AgentConfig.$Properties|null);
            error?: (invigilator.v1.Error.$Properties|null);
            body?: ("enrolRequest"|"enrolResponse"|"hello"|"welcome"|"batch"|"ack"|"heartbeat"|"config"|"error");
            static create(properties: invigilator.v1.Frame.$Shape): invigilator.v1.Frame & invigilator.v1.Frame.$Shape;
            static create(properties?: invigilator.v1.Frame.$Properties): invigilator.v1.Frame;
            static encode(message: invigilator.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Frame & invigilator.v1.Frame.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Frame;
            static toObject(message: invigilator.v1.Frame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Frame {
            interface $Properties {
                enrolRequest?: (invigilator.v1.EnrolRequest.$Properties|null);
                enrolResponse?: (invigilator.v1.EnrolResponse.$Properties|null);
                hello?: (invigilator.v1.Hello.$Properties|null);
                welcome?: (invigilator.v1.Welcome.$Properties|null);
                batch?: (invigilator.v1.EventBatch.$Properties|null);
                ack?: (invigilator.v1.Ack.$Properties|null);
                heartbeat?: (invigilator.v1.Heartbeat.$Properties|null);
                config?: (invigilator.v1.AgentConfig.$Properties|null);
                error?: (invigilator.v1.Error.$Properties|null);
                body?: ("enrolRequest"|"enrolResponse"|"hello"|"welcome"|"batch"|"ack"|"heartbeat"|"config"|"error");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              enrolRequest?: invigilator.v1.EnrolRequest.$Shape|null;
              enrolResponse?: invigilator.v1.EnrolResponse.$Shape|null;
              hello?: invigilator.v1.Hello.$Shape|null;
              welcome?: invigilator.v1.Welcome.$Shape|null;
              batch?: invigilator.v1.EventBatch.$Shape|null;
              ack?: invigilator.v1.Ack.$Shape|null;
              heartbeat?: invigilator.v1.Heartbeat.$Shape|null;
              config?: invigilator.v1.AgentConfig.$Shape|null;
              error?: invigilator.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "enrolRequest"; enrolRequest: invigilator.v1.EnrolRequest.$Shape; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "enrolResponse"; enrolRequest?: null; enrolResponse: invigilator.v1.EnrolResponse.$Shape; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "hello"; enrolRequest?: null; enrolResponse?: null; hello: invigilator.v1.Hello.$Shape; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "welcome"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome: invigilator.v1.Welcome.$Shape; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "batch"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch: invigilator.v1.EventBatch.$Shape; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "ack"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack: invigilator.v1.Ack.$Shape; heartbeat?: null; config?: null; error?: null }|{ body?: "heartbeat"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat: invigilator.v1.Heartbeat.$Shape; config?: null; error?: null }|{ body?: "config"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config: invigilator.v1.AgentConfig.$Shape; error?: null }|{ body?: "error"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error: invigilator.v1.Error.$Shape })
            );
        }

        interface IEnrolRequest extends invigilator.v1.EnrolRequest.$Properties {
        }

        class EnrolRequest {
            constructor(properties?: invigilator.v1.EnrolRequest.$Properties);
            $unknowns?: Uint8Array[];
            enrolmentSecret: string;
            facts?: (invigilator.v1.DeviceFacts.$Properties|null);
            static create(properties: invigilator.v1.EnrolRequest.$Shape): invigilator.v1.EnrolRequest & invigilator.v1.EnrolRequest.$Shape;
            static create(properties?: invigilator.v1.EnrolRequest.$Properties): invigilator.v1.EnrolRequest;
            static encode(message: invigilator.v1.EnrolRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.EnrolRequest & invigilator.v1.EnrolRequest.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.EnrolRequest;
            static toObject(message: invigilator.v1.EnrolRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EnrolRequest {
            interface $Properties {
                enrolmentSecret?: (string|null);
                facts?: (invigilator.v1.DeviceFacts.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.EnrolRequest.$Properties;
        }

        interface IEnrolResponse extends invigilator.v1.EnrolResponse.$Properties {
        }

        class EnrolResponse {
            constructor(properties?: invigilator.v1.EnrolResponse.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: string;
            deviceCredential: string;
            schoolId: string;
            static create(properties: invigilator.v1.EnrolResponse.$Shape): invigilator.v1.EnrolResponse & invigilator.v1.EnrolResponse.$Shape;
            static create(properties?: invigilator.v1.EnrolResponse.$Properties): invigilator.v1.EnrolResponse;
            static encode(message: invigilator.v1.EnrolResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.EnrolResponse & invigilator.v1.EnrolResponse.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.EnrolResponse;
            static toObject(message: invigilator.v1.EnrolResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EnrolResponse {
            interface $Properties {
                deviceId?: (string|null);
                deviceCredential?: (string|null);
                schoolId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.EnrolResponse.$Properties;
        }

        interface IDeviceFacts extends invigilator.v1.DeviceFacts.$Properties {
        }

        class DeviceFacts {
            constructor(properties?: invigilator.v1.DeviceFacts.$Properties);
            $unknowns?: Uint8Array[];
            hostname: string;
            platform: invigilator.v1.Platform;
            osName: string;
            osVersion: string;
            agentVersion: string;
            hardwareSerial: string;
            hardwareModel: string;
            directoryDeviceId: string;
            assetId: string;
            static create(properties: invigilator.v1.DeviceFacts.$Shape): invigilator.v1.DeviceFacts & invigilator.v1.DeviceFacts.$Shape;
            static create(properties?: invigilator.v1.DeviceFacts.$Properties): invigilator.v1.DeviceFacts;
            static encode(message: invigilator.v1.DeviceFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.DeviceFacts & invigilator.v1.DeviceFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.DeviceFacts;
            static toObject(message: invigilator.v1.DeviceFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceFacts {
            interface $Properties {
                hostname?: (string|null);
                platform?: (invigilator.v1.Platform|null);
                osName?: (string|null);
                osVersion?: (string|null);
                agentVersion?: (string|null);
                hardwareSerial?: (string|null);
                hardwareModel?: (string|null);
                directoryDeviceId?: (string|null);
                assetId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.DeviceFacts.$Properties;
        }

        enum Platform {
            PLATFORM_UNSPECIFIED = 0,
            PLATFORM_LINUX = 1,
            PLATFORM_WINDOWS = 2,
            PLATFORM_MACOS = 3,
            PLATFORM_CHROMEOS = 4
        }

        interface IHello extends invigilator.v1.Hello.$Properties {
        }

        class Hello {
            constructor(properties?: invigilator.v1.Hello.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: string;
            deviceCredential: string;
            facts?: (invigilator.v1.DeviceFacts.$Properties|null);
            outboxId: string;
            highestSeq: number;
            static create(properties: invigilator.v1.Hello.$Shape): invigilator.v1.Hello & invigilator.v1.Hello.$Shape;
            static create(properties?: invigilator.v1.Hello.$Properties): invigilator.v1.Hello;
            static encode(message: invigilator.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Hello & invigilator.v1.Hello.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Hello;
            static toObject(message: invigilator.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {
            interface $Properties {
                deviceId?: (string|null);
                deviceCredential?: (string|null);
                facts?: (invigilator.v1.DeviceFacts.$Properties|null);
                outboxId?: (string|null);
                highestSeq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.Hello.$Properties;
        }

        interface IWelcome extends invigilator.v1.Welcome.$Properties {
        }

        class Welcome {
            constructor(properties?: invigilator.v1.Welcome.$Properties);
            $unknowns?: Uint8Array[];
            committedSeq: number;
            config?: (invigilator.v1.AgentConfig.$Properties|null);
            newSeries: boolean;
            static create(properties: invigilator.v1.Welcome.$Shape): invigilator.v1.Welcome & invigilator.v1.Welcome.$Shape;
            static create(properties?: invigilator.v1.Welcome.$Properties): invigilator.v1.Welcome;
            static encode(message: invigilator.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Welcome & invigilator.v1.Welcome.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Welcome;
            static toObject(message: invigilator.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Welcome {
            interface $Properties {
                committedSeq?: (number|null);
                config?: (invigilator.v1.AgentConfig.$Properties|null);
                newSeries?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.Welcome.$Properties;
        }

        interface IEventBatch extends invigilator.v1.EventBatch.$Properties {
        }

        class EventBatch {
            constructor(properties?: invigilator.v1.EventBatch.$Properties);
            $unknowns?: Uint8Array[];
            events: invigilator.v1.Event.$Properties[];
            static create(properties: invigilator.v1.EventBatch.$Shape): invigilator.v1.EventBatch & invigilator.v1.EventBatch.$Shape;
            static create(properties?: invigilator.v1.EventBatch.$Properties): invigilator.v1.EventBatch;
            static encode(message: invigilator.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.EventBatch & invigilator.v1.EventBatch.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.EventBatch;
            static toObject(message: invigilator.v1.EventBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EventBatch {
            interface $Properties {
                events?: (invigilator.v1.Event.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              events?: invigilator.v1.Event.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IAck extends invigilator.v1.Ack.$Properties {
        }

        class Ack {
            constructor(properties?: invigilator.v1.Ack.$Properties);
            $unknowns?: Uint8Array[];
            upToSeq: number;
            static create(properties: invigilator.v1.Ack.$Shape): invigilator.v1.Ack & invigilator.v1.Ack.$Shape;
            static create(properties?: invigilator.v1.Ack.$Properties): invigilator.v1.Ack;
            static encode(message: invigilator.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Ack & invigilator.v1.Ack.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Ack;
            static toObject(message: invigilator.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ack {
            interface $Properties {
                upToSeq?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.Ack.$Properties;
        }

        interface IHeartbeat extends invigilator.v1.Heartbeat.$Properties {
        }

        class Heartbeat {
            constructor(properties?: invigilator.v1.Heartbeat.$Properties);
            $unknowns?: Uint8Array[];
            sentAtMs: number;
            outboxDepth: number;
            static create(properties: invigilator.v1.Heartbeat.$Shape): invigilator.v1.Heartbeat & invigilator.v1.Heartbeat.$Shape;
            static create(properties?: invigilator.v1.Heartbeat.$Properties): invigilator.v1.Heartbeat;
            static encode(message: invigilator.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Heartbeat & invigilator.v1.Heartbeat.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Heartbeat;
            static toObject(message: invigilator.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Heartbeat {
            interface $Properties {
                sentAtMs?: (number|null);
                outboxDepth?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.Heartbeat.$Properties;
        }

        interface IAgentConfig extends invigilator.v1.AgentConfig.$Properties {
        }

        class AgentConfig {
            constructor(properties?: invigilator.v1.AgentConfig.$Properties);
            $unknowns?: Uint8Array[];
            policyVersion: string;
            checkSchedules: { [k: string]: string };
            removableMountRoots: string[];
            hashFileNames: boolean;
            heartbeatSeconds: number;
            misuse?: (invigilator.v1.MisuseSettings.$Properties|null);
            static create(properties: invigilator.v1.AgentConfig.$Shape): invigilator.v1.AgentConfig & invigilator.v1.AgentConfig.$Shape;
            static create(properties?: invigilator.v1.AgentConfig.$Properties): invigilator.v1.AgentConfig;
            static encode(message: invigilator.v1.AgentConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.AgentConfig & invigilator.v1.AgentConfig.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.AgentConfig;
            static toObject(message: invigilator.v1.AgentConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace AgentConfig {
            interface $Properties {
                policyVersion?: (string|null);
                checkSchedules?: ({ [k: string]: string }|null);
                removableMountRoots?: (string[]|null);
                hashFileNames?: (boolean|null);
                heartbeatSeconds?: (number|null);
                misuse?: (invigilator.v1.MisuseSettings.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.AgentConfig.$Properties;
        }

        interface IMisuseSettings extends invigilator.v1.MisuseSettings.$Properties {
        }

        class MisuseSettings {
            constructor(properties?: invigilator.v1.MisuseSettings.$Properties);
            $unknowns?: Uint8Array[];
            safeguards: boolean;
            bypassTools: boolean;
            bypassToolNames: string[];
            approvedTools: string[];
            downloads: boolean;
            downloadExtensions: string[];
            publicWifi: boolean;
            schoolSsids: string[];
            static create(properties: invigilator.v1.MisuseSettings.$Shape): invigilator.v1.MisuseSettings & invigilator.v1.MisuseSettings.$Shape;
            static create(properties?: invigilator.v1.MisuseSettings.$Properties): invigilator.v1.MisuseSettings;
            static encode(message: invigilator.v1.MisuseSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.MisuseSettings & invigilator.v1.MisuseSettings.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.MisuseSettings;
            static toObject(message: invigilator.v1.MisuseSettings, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MisuseSettings {
            interface $Properties {
                safeguards?: (boolean|null);
                bypassTools?: (boolean|null);
                bypassToolNames?: (string[]|null);
                approvedTools?: (string[]|null);
                downloads?: (boolean|null);
                downloadExtensions?: (string[]|null);
                publicWifi?: (boolean|null);
                schoolSsids?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.MisuseSettings.$Properties;
        }

        interface IError extends invigilator.v1.Error.$Properties {
        }

        class Error {
            constructor(properties?: invigilator.v1.Error.$Properties);
            $unknowns?: Uint8Array[];
            code: string;
            message: string;
            static create(properties: invigilator.v1.Error.$Shape): invigilator.v1.Error & invigilator.v1.Error.$Shape;
            static create(properties?: invigilator.v1.Error.$Properties): invigilator.v1.Error;
            static encode(message: invigilator.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Error & invigilator.v1.Error.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Error;
            static toObject(message: invigilator.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {
            interface $Properties {
                code?: (string|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.Error.$Properties;
        }

        interface IEvent extends invigilator.v1.Event.$Properties {
        }

        class Event {
            constructor(properties?: invigilator.v1.Event.$Properties);
            $unknowns?: Uint8Array[];
            seq: number;
            occurredAtMs: number;
            observation?: (invigilator.v1.Observation.$Properties|null);
            misuse?: (invigilator.v1.MisuseEvent.$Properties|null);
            stopping?: (invigilator.v1.AgentStopping.$Properties|null);
            kind?: ("observation"|"misuse"|"stopping");
            static create(properties: invigilator.v1.Event.$Shape): invigilator.v1.Event & invigilator.v1.Event.$Shape;
            static create(properties?: invigilator.v1.Event.$Properties): invigilator.v1.Event;
            static encode(message: invigilator.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Event & invigilator.v1.Event.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Event;
            static toObject(message: invigilator.v1.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Event {
            interface $Properties {
                seq?: (number|null);
                occurredAtMs?: (number|null);
                observation?: (invigilator.v1.Observation.$Properties|null);
                misuse?: (invigilator.v1.MisuseEvent.$Properties|null);
                stopping?: (invigilator.v1.AgentStopping.$Properties|null);
                kind?: ("observation"|"misuse"|"stopping");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              seq?: number|null;
              occurredAtMs?: number|null;
              observation?: invigilator.v1.Observation.$Shape|null;
              misuse?: invigilator.v1.MisuseEvent.$Shape|null;
              stopping?: invigilator.v1.AgentStopping.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; observation?: null; misuse?: null; stopping?: null }|{ kind?: "observation"; observation: invigilator.v1.Observation.$Shape; misuse?: null; stopping?: null }|{ kind?: "misuse"; observation?: null; misuse: invigilator.v1.MisuseEvent.$Shape; stopping?: null }|{ kind?: "stopping"; observation?: null; misuse?: null; stopping: invigilator.v1.AgentStopping.$Shape })
            );
        }

        interface IAgentStopping extends invigilator.v1.AgentStopping.$Properties {
        }

        class AgentStopping {
            constructor(properties?: invigilator.v1.AgentStopping.$Properties);
            $unknowns?: Uint8Array[];
            reason: invigilator.v1.StopReason;
            detail: string;
            signal: string;
            nextVersion: string;
            static create(properties: invigilator.v1.AgentStopping.$Shape): invigilator.v1.AgentStopping & invigilator.v1.AgentStopping.$Shape;
            static create(properties?: invigilator.v1.AgentStopping.$Properties): invigilator.v1.AgentStopping;
            static encode(message: invigilator.v1.AgentStopping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.AgentStopping & invigilator.v1.AgentStopping.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.AgentStopping;
            static toObject(message: invigilator.v1.AgentStopping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace AgentStopping {
            interface $Properties {
                reason?: (invigilator.v1.StopReason|null);
                detail?: (string|null);
                signal?: (string|null);
                nextVersion?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.AgentStopping.$Properties;
        }

        enum StopReason {
            STOP_REASON_UNSPECIFIED = 0,
            STOP_REASON_SERVICE_STOPPED = 1,
            STOP_REASON_SYSTEM_SHUTDOWN = 2,
            STOP_REASON_SYSTEM_REBOOT = 3,
            STOP_REASON_UPGRADE = 4,
            STOP_REASON_UNINSTALL = 5
        }

        enum Tri {
            TRI_UNKNOWN = 0,
            TRI_YES = 1,
            TRI_NO = 2
        }

        interface IObservation extends invigilator.v1.Observation.$Properties {
        }

        class Observation {
            constructor(properties?: invigilator.v1.Observation.$Properties);
            $unknowns?: Uint8Array[];
            check: string;
            status: invigilator.v1.CollectionStatus;
            reasonCode: string;
            reason: string;
            sourceIds: string[];
            encryption?: (invigilator.v1.EncryptionFacts.$Properties|null);
            antivirus?: (invigilator.v1.AntivirusFacts.$Properties|null);
            firewall?: (invigilator.v1.FirewallFacts.$Properties|null);
            passwordPolicy?: (invigilator.v1.PasswordPolicyFacts.$Properties|null);
            removableMedia?: (invigilator.v1.RemovableMediaFacts.$Properties|null);
            screenLock?: (invigilator.v1.ScreenLockFacts.$Properties|null);
            detail?: ("encryption"|"antivirus"|"firewall"|"passwordPolicy"|"removableMedia"|"screenLock");
            static create(properties: invigilator.v1.Observation.$Shape): invigilator.v1.Observation & invigilator.v1.Observation.$Shape;
            static create(properties?: invigilator.v1.Observation.$Properties): invigilator.v1.Observation;
            static encode(message: invigilator.v1.Observation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.Observation & invigilator.v1.Observation.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.Observation;
            static toObject(message: invigilator.v1.Observation, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Observation {
            interface $Properties {
                check?: (string|null);
                status?: (invigilator.v1.CollectionStatus|null);
                reasonCode?: (string|null);
                reason?: (string|null);
                sourceIds?: (string[]|null);
                encryption?: (invigilator.v1.EncryptionFacts.$Properties|null);
                antivirus?: (invigilator.v1.AntivirusFacts.$Properties|null);
                firewall?: (invigilator.v1.FirewallFacts.$Properties|null);
                passwordPolicy?: (invigilator.v1.PasswordPolicyFacts.$Properties|null);
                removableMedia?: (invigilator.v1.RemovableMediaFacts.$Properties|null);
                screenLock?: (invigilator.v1.ScreenLockFacts.$Properties|null);
                detail?: ("encryption"|"antivirus"|"firewall"|"passwordPolicy"|"removableMedia"|"screenLock");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              check?: string|null;
              status?: invigilator.v1.CollectionStatus|null;
              reasonCode?: string|null;
              reason?: string|null;
              sourceIds?: string[]|null;
              encryption?: invigilator.v1.EncryptionFacts.$Shape|null;
              antivirus?: invigilator.v1.AntivirusFacts.$Shape|null;
              firewall?: invigilator.v1.FirewallFacts.$Shape|null;
              passwordPolicy?: invigilator.v1.PasswordPolicyFacts.$Shape|null;
              removableMedia?: invigilator.v1.RemovableMediaFacts.$Shape|null;
              screenLock?: invigilator.v1.ScreenLockFacts.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ detail?: undefined; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "encryption"; encryption: invigilator.v1.EncryptionFacts.$Shape; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "antivirus"; encryption?: null; antivirus: invigilator.v1.AntivirusFacts.$Shape; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "firewall"; encryption?: null; antivirus?: null; firewall: invigilator.v1.FirewallFacts.$Shape; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "passwordPolicy"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy: invigilator.v1.PasswordPolicyFacts.$Shape; removableMedia?: null; screenLock?: null }|{ detail?: "removableMedia"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia: invigilator.v1.RemovableMediaFacts.$Shape; screenLock?: null }|{ detail?: "screenLock"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock: invigilator.v1.ScreenLockFacts.$Shape })
            );
        }

        enum CollectionStatus {
            COLLECTION_STATUS_UNSPECIFIED = 0,
            COLLECTED = 1,
            COULD_NOT_COLLECT = 2,
            NOT_APPLICABLE = 3
        }

        interface IEncryptionFacts extends invigilator.v1.EncryptionFacts.$Properties {
        }

        class EncryptionFacts {
            constructor(properties?: invigilator.v1.EncryptionFacts.$Properties);
            $unknowns?: Uint8Array[];
            volumes: invigilator.v1.EncryptedVolume.$Properties[];
            static create(properties: invigilator.v1.EncryptionFacts.$Shape): invigilator.v1.EncryptionFacts & invigilator.v1.EncryptionFacts.$Shape;
            static create(properties?: invigilator.v1.EncryptionFacts.$Properties): invigilator.v1.EncryptionFacts;
            static encode(message: invigilator.v1.EncryptionFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.EncryptionFacts & invigilator.v1.EncryptionFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.EncryptionFacts;
            static toObject(message: invigilator.v1.EncryptionFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EncryptionFacts {
            interface $Properties {
                volumes?: (invigilator.v1.EncryptedVolume.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.EncryptionFacts.$Properties;
        }

        interface IEncryptedVolume extends invigilator.v1.EncryptedVolume.$Properties {
        }

        class EncryptedVolume {
            constructor(properties?: invigilator.v1.EncryptedVolume.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            role: invigilator.v1.VolumeRole;
            encrypted: invigilator.v1.Tri;
            protectionOn: invigilator.v1.Tri;
            method: string;
            percentEncrypted: number;
            state: string;
            device: string;
            static create(properties: invigilator.v1.EncryptedVolume.$Shape): invigilator.v1.EncryptedVolume & invigilator.v1.EncryptedVolume.$Shape;
            static create(properties?: invigilator.v1.EncryptedVolume.$Properties): invigilator.v1.EncryptedVolume;
            static encode(message: invigilator.v1.EncryptedVolume.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.EncryptedVolume & invigilator.v1.EncryptedVolume.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.EncryptedVolume;
            static toObject(message: invigilator.v1.EncryptedVolume, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace EncryptedVolume {
            interface $Properties {
                name?: (string|null);
                role?: (invigilator.v1.VolumeRole|null);
                encrypted?: (invigilator.v1.Tri|null);
                protectionOn?: (invigilator.v1.Tri|null);
                method?: (string|null);
                percentEncrypted?: (number|null);
                state?: (string|null);
                device?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.EncryptedVolume.$Properties;
        }

        enum VolumeRole {
            VOLUME_ROLE_UNSPECIFIED = 0,
            VOLUME_ROLE_SYSTEM = 1,
            VOLUME_ROLE_HOME = 2,
            VOLUME_ROLE_FIXED_DATA = 3
        }

        interface IAntivirusFacts extends invigilator.v1.AntivirusFacts.$Properties {
        }

        class AntivirusFacts {
            constructor(properties?: invigilator.v1.AntivirusFacts.$Properties);
            $unknowns?: Uint8Array[];
            products: invigilator.v1.AntivirusProduct.$Properties[];
            static create(properties: invigilator.v1.AntivirusFacts.$Shape): invigilator.v1.AntivirusFacts & invigilator.v1.AntivirusFacts.$Shape;
            static create(properties?: invigilator.v1.AntivirusFacts.$Properties): invigilator.v1.AntivirusFacts;
            static encode(message: invigilator.v1.AntivirusFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.AntivirusFacts & invigilator.v1.AntivirusFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.AntivirusFacts;
            static toObject(message: invigilator.v1.AntivirusFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace AntivirusFacts {
            interface $Properties {
                products?: (invigilator.v1.AntivirusProduct.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.AntivirusFacts.$Properties;
        }

        interface IAntivirusProduct extends invigilator.v1.AntivirusProduct.$Properties {
        }

        class AntivirusProduct {
            constructor(properties?: invigilator.v1.AntivirusProduct.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            enabled: invigilator.v1.Tri;
            realtimeProtection: invigilator.v1.Tri;
            signaturesUpdatedAtMs: number;
            signatureVersion: string;
            reportsUpToDate: invigilator.v1.Tri;
            engineVersion: string;
            realtimeProtectionBasis: string;
            static create(properties: invigilator.v1.AntivirusProduct.$Shape): invigilator.v1.AntivirusProduct & invigilator.v1.AntivirusProduct.$Shape;
            static create(properties?: invigilator.v1.AntivirusProduct.$Properties): invigilator.v1.AntivirusProduct;
            static encode(message: invigilator.v1.AntivirusProduct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.AntivirusProduct & invigilator.v1.AntivirusProduct.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.AntivirusProduct;
            static toObject(message: invigilator.v1.AntivirusProduct, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace AntivirusProduct {
            interface $Properties {
                name?: (string|null);
                enabled?: (invigilator.v1.Tri|null);
                realtimeProtection?: (invigilator.v1.Tri|null);
                signaturesUpdatedAtMs?: (number|null);
                signatureVersion?: (string|null);
                reportsUpToDate?: (invigilator.v1.Tri|null);
                engineVersion?: (string|null);
                realtimeProtectionBasis?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.AntivirusProduct.$Properties;
        }

        interface IFirewallFacts extends invigilator.v1.FirewallFacts.$Properties {
        }

        class FirewallFacts {
            constructor(properties?: invigilator.v1.FirewallFacts.$Properties);
            $unknowns?: Uint8Array[];
            enabled: invigilator.v1.Tri;
            inboundDefault: invigilator.v1.FirewallAction;
            backend: string;
            profiles: invigilator.v1.FirewallProfile.$Properties[];
            inboundAllowRules: invigilator.v1.FirewallRule.$Properties[];
            stealthMode: invigilator.v1.Tri;
            blockAllIncoming: invigilator.v1.Tri;
            inboundRulesListed: invigilator.v1.Tri;
            inboundRulesProblem: string;
            registeredFirewalls: invigilator.v1.RegisteredFirewall.$Properties[];
            registeredFirewallsListed: invigilator.v1.Tri;
            static create(properties: invigilator.v1.FirewallFacts.$Shape): invigilator.v1.FirewallFacts & invigilator.v1.FirewallFacts.$Shape;
            static create(properties?: invigilator.v1.FirewallFacts.$Properties): invigilator.v1.FirewallFacts;
            static encode(message: invigilator.v1.FirewallFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.FirewallFacts & invigilator.v1.FirewallFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.FirewallFacts;
            static toObject(message: invigilator.v1.FirewallFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FirewallFacts {
            interface $Properties {
                enabled?: (invigilator.v1.Tri|null);
                inboundDefault?: (invigilator.v1.FirewallAction|null);
                backend?: (string|null);
                profiles?: (invigilator.v1.FirewallProfile.$Properties[]|null);
                inboundAllowRules?: (invigilator.v1.FirewallRule.$Properties[]|null);
                stealthMode?: (invigilator.v1.Tri|null);
                blockAllIncoming?: (invigilator.v1.Tri|null);
                inboundRulesListed?: (invigilator.v1.Tri|null);
                inboundRulesProblem?: (string|null);
                registeredFirewalls?: (invigilator.v1.RegisteredFirewall.$Properties[]|null);
                registeredFirewallsListed?: (invigilator.v1.Tri|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.FirewallFacts.$Properties;
        }

        interface IRegisteredFirewall extends invigilator.v1.RegisteredFirewall.$Properties {
        }

        class RegisteredFirewall {
            constructor(properties?: invigilator.v1.RegisteredFirewall.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            enabled: invigilator.v1.Tri;
            static create(properties: invigilator.v1.RegisteredFirewall.$Shape): invigilator.v1.RegisteredFirewall & invigilator.v1.RegisteredFirewall.$Shape;
            static create(properties?: invigilator.v1.RegisteredFirewall.$Properties): invigilator.v1.RegisteredFirewall;
            static encode(message: invigilator.v1.RegisteredFirewall.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.RegisteredFirewall & invigilator.v1.RegisteredFirewall.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.RegisteredFirewall;
            static toObject(message: invigilator.v1.RegisteredFirewall, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RegisteredFirewall {
            interface $Properties {
                name?: (string|null);
                enabled?: (invigilator.v1.Tri|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.RegisteredFirewall.$Properties;
        }

        enum FirewallAction {
            FIREWALL_ACTION_UNSPECIFIED = 0,
            FIREWALL_ALLOW = 1,
            FIREWALL_DROP = 2,
            FIREWALL_REJECT = 3
        }

        interface IFirewallProfile extends invigilator.v1.FirewallProfile.$Properties {
        }

        class FirewallProfile {
            constructor(properties?: invigilator.v1.FirewallProfile.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            enabled: invigilator.v1.Tri;
            inboundDefault: invigilator.v1.FirewallAction;
            static create(properties: invigilator.v1.FirewallProfile.$Shape): invigilator.v1.FirewallProfile & invigilator.v1.FirewallProfile.$Shape;
            static create(properties?: invigilator.v1.FirewallProfile.$Properties): invigilator.v1.FirewallProfile;
            static encode(message: invigilator.v1.FirewallProfile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.FirewallProfile & invigilator.v1.FirewallProfile.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.FirewallProfile;
            static toObject(message: invigilator.v1.FirewallProfile, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FirewallProfile {
            interface $Properties {
                name?: (string|null);
                enabled?: (invigilator.v1.Tri|null);
                inboundDefault?: (invigilator.v1.FirewallAction|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.FirewallProfile.$Properties;
        }

        interface IFirewallRule extends invigilator.v1.FirewallRule.$Properties {
        }

        class FirewallRule {
            constructor(properties?: invigilator.v1.FirewallRule.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            protocol: string;
            ports: string;
            source: string;
            application: string;
            profile: string;
            interface: string;
            static create(properties: invigilator.v1.FirewallRule.$Shape): invigilator.v1.FirewallRule & invigilator.v1.FirewallRule.$Shape;
            static create(properties?: invigilator.v1.FirewallRule.$Properties): invigilator.v1.FirewallRule;
            static encode(message: invigilator.v1.FirewallRule.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.FirewallRule & invigilator.v1.FirewallRule.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.FirewallRule;
            static toObject(message: invigilator.v1.FirewallRule, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FirewallRule {
            interface $Properties {
                name?: (string|null);
                protocol?: (string|null);
                ports?: (string|null);
                source?: (string|null);
                application?: (string|null);
                profile?: (string|null);
                "interface"?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.FirewallRule.$Properties;
        }

        interface IPasswordPolicyFacts extends invigilator.v1.PasswordPolicyFacts.$Properties {
        }

        class PasswordPolicyFacts {
            constructor(properties?: invigilator.v1.PasswordPolicyFacts.$Properties);
            $unknowns?: Uint8Array[];
            minLength: number;
            maxLength: number;
            minCharacterClasses: number;
            maxAgeDays: number;
            complexityRequired: invigilator.v1.Tri;
            denyListEnforced: invigilator.v1.Tri;
            lockoutThreshold: number;
            historyLength: number;
            denyListProblem: string;
            static create(properties: invigilator.v1.PasswordPolicyFacts.$Shape): invigilator.v1.PasswordPolicyFacts & invigilator.v1.PasswordPolicyFacts.$Shape;
            static create(properties?: invigilator.v1.PasswordPolicyFacts.$Properties): invigilator.v1.PasswordPolicyFacts;
            static encode(message: invigilator.v1.PasswordPolicyFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.PasswordPolicyFacts & invigilator.v1.PasswordPolicyFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.PasswordPolicyFacts;
            static toObject(message: invigilator.v1.PasswordPolicyFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PasswordPolicyFacts {
            interface $Properties {
                minLength?: (number|null);
                maxLength?: (number|null);
                minCharacterClasses?: (number|null);
                maxAgeDays?: (number|null);
                complexityRequired?: (invigilator.v1.Tri|null);
                denyListEnforced?: (invigilator.v1.Tri|null);
                lockoutThreshold?: (number|null);
                historyLength?: (number|null);
                denyListProblem?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.PasswordPolicyFacts.$Properties;
        }

        interface IRemovableMediaFacts extends invigilator.v1.RemovableMediaFacts.$Properties {
        }

        class RemovableMediaFacts {
            constructor(properties?: invigilator.v1.RemovableMediaFacts.$Properties);
            $unknowns?: Uint8Array[];
            devices: invigilator.v1.RemovableDevice.$Properties[];
            storageBlocked: invigilator.v1.Tri;
            writeBlocked: invigilator.v1.Tri;
            mechanism: string;
            postureProblem: string;
            static create(properties: invigilator.v1.RemovableMediaFacts.$Shape): invigilator.v1.RemovableMediaFacts & invigilator.v1.RemovableMediaFacts.$Shape;
            static create(properties?: invigilator.v1.RemovableMediaFacts.$Properties): invigilator.v1.RemovableMediaFacts;
            static encode(message: invigilator.v1.RemovableMediaFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.RemovableMediaFacts & invigilator.v1.RemovableMediaFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.RemovableMediaFacts;
            static toObject(message: invigilator.v1.RemovableMediaFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RemovableMediaFacts {
            interface $Properties {
                devices?: (invigilator.v1.RemovableDevice.$Properties[]|null);
                storageBlocked?: (invigilator.v1.Tri|null);
                writeBlocked?: (invigilator.v1.Tri|null);
                mechanism?: (string|null);
                postureProblem?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.RemovableMediaFacts.$Properties;
        }

        interface IScreenLockFacts extends invigilator.v1.ScreenLockFacts.$Properties {
        }

        class ScreenLockFacts {
            constructor(properties?: invigilator.v1.ScreenLockFacts.$Properties);
            $unknowns?: Uint8Array[];
            idleLockSeconds: number;
            passwordOnWake: invigilator.v1.Tri;
            enforced: invigilator.v1.Tri;
            settingSource: string;
            problem: string;
            static create(properties: invigilator.v1.ScreenLockFacts.$Shape): invigilator.v1.ScreenLockFacts & invigilator.v1.ScreenLockFacts.$Shape;
            static create(properties?: invigilator.v1.ScreenLockFacts.$Properties): invigilator.v1.ScreenLockFacts;
            static encode(message: invigilator.v1.ScreenLockFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.ScreenLockFacts & invigilator.v1.ScreenLockFacts.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.ScreenLockFacts;
            static toObject(message: invigilator.v1.ScreenLockFacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ScreenLockFacts {
            interface $Properties {
                idleLockSeconds?: (number|null);
                passwordOnWake?: (invigilator.v1.Tri|null);
                enforced?: (invigilator.v1.Tri|null);
                settingSource?: (string|null);
                problem?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.ScreenLockFacts.$Properties;
        }

        interface IRemovableDevice extends invigilator.v1.RemovableDevice.$Properties {
        }

        class RemovableDevice {
            constructor(properties?: invigilator.v1.RemovableDevice.$Properties);
            $unknowns?: Uint8Array[];
            vendor: string;
            model: string;
            serial: string;
            sizeBytes: number;
            filesystem: string;
            label: string;
            mountPoint: string;
            bus: string;
            encrypted: invigilator.v1.Tri;
            device: string;
            static create(properties: invigilator.v1.RemovableDevice.$Shape): invigilator.v1.RemovableDevice & invigilator.v1.RemovableDevice.$Shape;
            static create(properties?: invigilator.v1.RemovableDevice.$Properties): invigilator.v1.RemovableDevice;
            static encode(message: invigilator.v1.RemovableDevice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.RemovableDevice & invigilator.v1.RemovableDevice.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.RemovableDevice;
            static toObject(message: invigilator.v1.RemovableDevice, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RemovableDevice {
            interface $Properties {
                vendor?: (string|null);
                model?: (string|null);
                serial?: (string|null);
                sizeBytes?: (number|null);
                filesystem?: (string|null);
                label?: (string|null);
                mountPoint?: (string|null);
                bus?: (string|null);
                encrypted?: (invigilator.v1.Tri|null);
                device?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.RemovableDevice.$Properties;
        }

        interface IMisuseEvent extends invigilator.v1.MisuseEvent.$Properties {
        }

        class MisuseEvent {
            constructor(properties?: invigilator.v1.MisuseEvent.$Properties);
            $unknowns?: Uint8Array[];
            kind: invigilator.v1.MisuseKind;
            device?: (invigilator.v1.RemovableDevice.$Properties|null);
            user: string;
            file?: (invigilator.v1.FileWrite.$Properties|null);
            detail: string;
            subject: string;
            changedBy: string;
            changedByAdministrator: invigilator.v1.Tri;
            static create(properties: invigilator.v1.MisuseEvent.$Shape): invigilator.v1.MisuseEvent & invigilator.v1.MisuseEvent.$Shape;
            static create(properties?: invigilator.v1.MisuseEvent.$Properties): invigilator.v1.MisuseEvent;
            static encode(message: invigilator.v1.MisuseEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.MisuseEvent & invigilator.v1.MisuseEvent.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.MisuseEvent;
            static toObject(message: invigilator.v1.MisuseEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MisuseEvent {
            interface $Properties {
                kind?: (invigilator.v1.MisuseKind|null);
                device?: (invigilator.v1.RemovableDevice.$Properties|null);
                user?: (string|null);
                file?: (invigilator.v1.FileWrite.$Properties|null);
                detail?: (string|null);
                subject?: (string|null);
                changedBy?: (string|null);
                changedByAdministrator?: (invigilator.v1.Tri|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.MisuseEvent.$Properties;
        }

        enum MisuseKind {
            MISUSE_KIND_UNSPECIFIED = 0,
            MEDIA_ATTACHED = 1,
            MEDIA_DETACHED = 2,
            FILE_WRITTEN = 3,
            SAFEGUARD_DISABLED = 4,
            BYPASS_TOOL = 5,
            EXECUTABLE_DOWNLOADED = 6,
            PUBLIC_WIFI = 7,
            PROXY_SET = 8,
            DNS_OVER_HTTPS_SET = 9
        }

        interface IFileWrite extends invigilator.v1.FileWrite.$Properties {
        }

        class FileWrite {
            constructor(properties?: invigilator.v1.FileWrite.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            nameSha256: string;
            sizeBytes: number;
            relativeDir: string;
            static create(properties: invigilator.v1.FileWrite.$Shape): invigilator.v1.FileWrite & invigilator.v1.FileWrite.$Shape;
            static create(properties?: invigilator.v1.FileWrite.$Properties): invigilator.v1.FileWrite;
            static encode(message: invigilator.v1.FileWrite.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): invigilator.v1.FileWrite & invigilator.v1.FileWrite.$Shape;
            static fromObject(object: { [k: string]: any }): invigilator.v1.FileWrite;
            static toObject(message: invigilator.v1.FileWrite, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FileWrite {
            interface $Properties {
                name?: (string|null);
                nameSha256?: (string|null);
                sizeBytes?: (number|null);
                relativeDir?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = invigilator.v1.FileWrite.$Properties;
        }
    }
}
